import Foundation
import RapportCore
import Testing

@testable import RapportDesk

@Suite struct TemplateTests {
    let context = TemplateContext.standard(
        customer: Customer(id: 7, displayName: "Dana Whitfield", createdAt: t0),
        agent: Agent(id: 5, name: "Sam Carter"),
        conversation: newConversation(id: 42, network: .email, kind: .email))

    @Test func rendersStandardVariables() throws {
        let body =
            "Hi {{customer.first_name}}, {{ agent.first_name }} here ({{agent.name}}). Ref #{{conversation.id}} via {{conversation.channel}}."
        #expect(
            try TemplateRenderer.render(body, context: context)
                == "Hi Dana, Sam here (Sam Carter). Ref #42 via email.")
        #expect(try TemplateRenderer.render("no variables {at all}", context: context) == "no variables {at all}")
    }

    @Test func unknownVariablesAreListed() throws {
        #expect(throws: TemplateError.unknownVariables(["customer.shoe_size", "order.id"])) {
            try TemplateRenderer.render(
                "{{customer.shoe_size}} {{order.id}} {{customer.shoe_size}} {{customer.first_name}}", context: context)
        }
        #expect(throws: TemplateError.unknownVariables(["brand.name"])) {
            try TemplateRenderer.validate("Thanks from {{brand.name}}")
        }
        #expect(try TemplateRenderer.render("{{brand.name}}", context: context.with("brand.name", "Acme")) == "Acme")
    }

    @Test func missingValuesUseFallbackOrFail() throws {
        let anonymous = TemplateContext.standard(customer: nil, agent: Agent(id: 5, name: "Sam"), conversation: nil)
        #expect(throws: TemplateError.missingValues(["customer.first_name"])) {
            try TemplateRenderer.render("Hi {{customer.first_name}}", context: anonymous)
        }
        #expect(
            try TemplateRenderer.render(#"Hi {{ customer.first_name | "there" }}!"#, context: anonymous) == "Hi there!")
        #expect(
            try TemplateRenderer.render(#"{{customer.first_name|"say \"hi\""}}"#, context: anonymous) == #"say "hi""#)
    }

    @Test func syntaxErrorsAndNoCodeExecution() throws {
        #expect(throws: TemplateError.syntax(offset: 3, message: "`{{` is never closed")) {
            try TemplateRenderer.render("Hi {{customer.first_name", context: context)
        }
        for bad in [
            "{{}}", "{{ customer.first_name() }}", "{{ 1 + 1 }}", "{{customer..name}}", "{{ a | b }}", #"{{a|"x}}"#,
        ] {
            #expect(throws: TemplateError.self) { try TemplateRenderer.render(bad, context: context) }
        }
        // Values are inserted verbatim, never re-parsed as template text.
        let sneaky = context.with("customer.first_name", "{{agent.name}}")
        #expect(try TemplateRenderer.render("{{customer.first_name}}", context: sneaky) == "{{agent.name}}")
        #expect(try TemplateRenderer.variables(in: "{{a.b}} {{c}} {{a.b}}") == ["a.b", "c"])
    }
}
