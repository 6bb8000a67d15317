import Foundation
import RapportAnalysis
import RapportServer
import RapportShare
import RapportStore

/// The demo's knowledge base for Acme Mobile: answers to what its customers ask (public and internal, English and
/// Spanish), and a setup guide per phone — over a hundred published articles, written once on the first start.
enum DemoKnowledgeBase {
    /// (title, body, category, visibility)
    static let answers: [(String, String, String, ArticleVisibility)] = [
        (
            "No signal during an outage",
            "Check the **status page** for outages in your area. During an outage calls and data may fail; we credit affected days automatically.",
            "Network", .public
        ),
        (
            "No mobile data",
            "Turn airplane mode on and off, check that *Mobile data* is on and that data roaming is on when abroad. Still nothing? Restart the phone.",
            "Network", .public
        ),
        (
            "Slow mobile data",
            "Speeds drop once you pass your plan's data allowance. Check your usage in the app under **Usage**.",
            "Network", .public
        ),
        (
            "Calls drop indoors",
            "Turn on Wi-Fi calling in your phone settings: calls then use your home Wi-Fi when the signal is weak.",
            "Network", .public
        ),
        (
            "Understanding your bill",
            "Your bill shows the plan fee, extras used last month and any one-off charges. Download it from the app under **Billing**.",
            "Billing", .public
        ),
        (
            "I was charged twice",
            "A double charge is usually a pending authorisation released within 3 days. If both remain, reply with the dates and we refund the duplicate.",
            "Billing", .public
        ),
        ("Refunds", "Refunds go back to the card or account you paid with within 5 business days.", "Billing", .public),
        (
            "Change your plan",
            "Change plan any time in the app under **Plan → Change**. An upgrade applies at once, a downgrade from the next bill.",
            "Plans", .public
        ),
        (
            "Cancel your contract",
            "You can cancel at the end of your minimum term with 30 days' notice. Early cancellation costs the remaining months' fees.",
            "Plans", .public
        ),
        (
            "Roaming abroad", "Roaming in the EU is included. Elsewhere buy a travel pass in the app before you leave.",
            "Plans", .public
        ),
        (
            "Activate your SIM",
            "Insert the SIM and restart the phone; activation takes up to 2 hours. Porting a number takes one business day.",
            "SIM", .public
        ),
        (
            "Lost or stolen phone",
            "Block your SIM at once in the app under **SIM → Block**, or call us. We send a replacement SIM with the same number.",
            "SIM", .public
        ),
        (
            "PUK code",
            "Three wrong PINs lock the SIM. Find your PUK in the app under **SIM → PUK**; ten wrong PUKs destroy the SIM.",
            "SIM", .public
        ),
        (
            "Keep your number when switching",
            "Ask your old provider for a porting code and enter it when you order. Your number moves within one business day.",
            "SIM", .public
        ),
        (
            "Reset your account password",
            "On the sign-in page choose **Forgot password** and follow the link we email you; it works for one hour.",
            "Account", .public
        ),
        (
            "Change your address", "Update your billing and delivery address in the app under **Account → Details**.",
            "Account", .public
        ),
        (
            "Phone repair",
            "Book a repair in any Acme store or send the phone with the free repair label. Repairs under warranty are free.",
            "Devices", .public
        ),
        (
            "Phone warranty",
            "Phones bought from us have a two-year warranty against manufacturing defects. Water damage is not covered.",
            "Devices", .public
        ),
        (
            "Order delivery times",
            "Phones ordered before 18:00 ship the same day and arrive in 1–2 business days. Track the parcel from your confirmation email.",
            "Orders", .public
        ),
        (
            "Return a phone",
            "You have 14 days to return a phone in its original condition. Print the return label from your order page.",
            "Orders", .public
        ),
        (
            "Outage playbook for agents",
            "Link the customer to the status page, apologise, do not promise a time. Tag the conversation `outage`; credits are automatic.",
            "Agents", .internal
        ),
        (
            "Goodwill credits",
            "Agents may credit up to 10 € per conversation without approval; above that ask a supervisor.", "Agents",
            .internal
        ),
        (
            "Verifying a customer's identity",
            "Before changing anything ask for the date of birth and the last four digits of the payment card. Never ask for a PIN or password.",
            "Agents", .internal
        ),
        (
            "Escalating a complaint",
            "Threats to cancel or go to the regulator go to a supervisor the same day: assign and add a note with the history.",
            "Agents", .internal
        ),
        (
            "Sin señal durante una avería",
            "Consulta la **página de estado** para ver averías en tu zona. Compensamos automáticamente los días afectados.",
            "Red", .public
        ),
        (
            "Sin datos móviles",
            "Activa y desactiva el modo avión, comprueba que los *datos móviles* estén activados y reinicia el teléfono.",
            "Red", .public
        ),
        (
            "Me cobraron dos veces",
            "Un cargo doble suele ser una autorización pendiente que el banco libera en 3 días. Si siguen los dos, te devolvemos el duplicado.",
            "Facturación", .public
        ),
        (
            "Cambiar de tarifa", "Cambia de tarifa en la app en **Tarifa → Cambiar**. Una subida se aplica al momento.",
            "Tarifas", .public
        ),
        (
            "Teléfono perdido o robado",
            "Bloquea tu SIM en la app en **SIM → Bloquear** o llámanos. Te enviamos una SIM nueva con el mismo número.",
            "SIM", .public
        ),
        (
            "Restablecer la contraseña",
            "En la página de acceso elige **¿Olvidaste la contraseña?** y sigue el enlace que te enviamos.", "Cuenta",
            .public
        ),
    ]

    static let phones = [
        "Pixel 9", "Pixel 8a", "iPhone 16", "iPhone 15", "iPhone SE", "Galaxy S25", "Galaxy A55", "Galaxy Z Flip6",
        "Xiaomi 14", "Redmi Note 13", "OnePlus 12", "Nothing Phone 2a", "Fairphone 5", "Moto g85", "Sony Xperia 10 VI",
    ]

    static let guides: [(String, String)] = [
        (
            "set up mobile data (APN)",
            "Open **Settings → Network → Access point names**, add `internet.acme` as APN, save and restart the %@."
        ),
        (
            "activate an eSIM",
            "Open **Settings → SIM → Add eSIM** on the %@ and scan the QR code from your order email. Keep Wi-Fi on while it downloads."
        ),
        (
            "turn on Wi-Fi calling",
            "Open **Settings → Calls → Wi-Fi calling** on the %@ and switch it on; calls then use Wi-Fi where the signal is weak."
        ),
        (
            "move your contacts",
            "Sign in to the same account on your old phone and the %@, or use the maker's transfer app; contacts and photos move over Wi-Fi."
        ),
        (
            "set up voicemail",
            "Hold **1** on the %@'s dial pad to call voicemail, then follow the prompts to record your greeting and set a PIN."
        ),
    ]

    /// Writes the articles unless the knowledge base already has some. Returns how many were written.
    static func seed(_ store: KnowledgeBaseStore, by userID: Int64) async throws -> Int {
        guard try await store.list(for: .desk, limit: 1).isEmpty else { return 0 }
        var drafts = answers.map { title, body, category, visibility in
            draft(title, body, category, visibility, language: language(title + "\n" + body))
        }
        for phone in phones {
            for (task, body) in guides {
                drafts.append(
                    draft(
                        "\(phone): \(task)", body.replacingOccurrences(of: "%@", with: phone), "Devices", .public,
                        language: "en"))
            }
        }
        return try await store.importArticles(drafts, by: userID).count
    }

    /// The analyser's reading of the article's language ("" when it cannot tell).
    static func language(_ text: String) -> String {
        let code = LanguageDetector().detect(text)
        return code == "und" ? "" : code
    }

    static func draft(
        _ title: String, _ body: String, _ category: String, _ visibility: ArticleVisibility, language: String
    ) -> KnowledgeBaseDraft {
        KnowledgeBaseDraft(
            title: title, body: body, category: category, tags: [], language: language, visibility: visibility,
            status: .published, searchText: SearchText.indexText(title, body, category))
    }
}
