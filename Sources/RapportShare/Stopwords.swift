/// Words that say nothing about what a customer needs, in the analyser's seven languages (accents folded), plus
/// the greetings and courtesies every support message carries ("hi", "thanks", "please").
enum Stopwords {
    static let all: Set<String> = Set(
        (english + french + spanish + german + portuguese + italian + dutch + courtesy)
            .split(separator: " ").map(String.init))

    static let english = """
        a about above after again against all am an and any are as at be because been before being below between \
        both but by can could did do does doing down during each few for from further had has have having he her \
        here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not \
        now of off on once only or other our ours out over own same she should so some such than that the their \
        theirs them then there these they this those through to too under until up very was we were what when where \
        which while who whom why will with would you your yours yourself yet still also get got getting im ive dont \
        cant wont didnt doesnt isnt its thats there whats anyone someone something anything since via per
        """
    static let french = """
        au aux avec ce ces dans de des du elle en et eux il ils je la le les leur lui ma mais me meme mes moi mon ne \
        nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos votre vous \
        est sont suis ai as avons avez ont etait cette cet comment quand pourquoi plus tres deja encore fait faire \
        peux peut puis pouvez
        """
    static let spanish = """
        el la los las un una unos unas y o de del al en con por para que es son fue mi mis tu tus su sus yo me te se \
        nos lo le les como cuando donde porque pero mas muy ya este esta estos estas eso esa ese hay tengo tiene \
        puedo puede no si sin sobre hasta desde
        """
    static let german = """
        der die das den dem des ein eine einen einem einer und oder aber ich du er sie es wir ihr mich mir dich dir \
        sich mein meine meinen meinem ist sind war bin hat habe haben nicht kein keine mit von zu zum zur auf fur \
        an am im in aus bei nach wie was wann warum wo noch schon auch sehr kann konnen mehr nur ob dass wenn
        """
    static let portuguese = """
        o a os as um uma uns umas e ou de do da dos das no na nos nas em com por para que eu meu minha voce ele ela \
        se nao sim mais muito ja como quando onde porque mas foi ser esta estou tem tenho pode posso
        """
    static let italian = """
        il lo la i gli le un uno una e o di del della dei delle da in con su per che non mi ti si ci io tu lui lei \
        mio mia sono sei ho hai ha abbiamo come quando dove perche ma piu molto gia anche posso puo
        """
    static let dutch = """
        de het een en of van in op te voor met aan bij uit om dat die dit is zijn was ben heb heeft hebben niet geen \
        ik je jij hij zij wij mijn mij me hoe wat waarom wanneer waar ook nog al maar kan kunnen meer
        """
    static let courtesy = """
        hi hello hey dear thanks thank thx please pls regards cheers bonjour merci hola gracias hallo danke bitte \
        ola obrigado obrigada ciao grazie dank bedankt goedemorgen guys
        """
}
