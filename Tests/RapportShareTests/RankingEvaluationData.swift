import RapportShare

/// The knowledge-base ranking's evaluation set: 20 articles for 20 customer needs (plus 10 distractors that share
/// their words), and for each need questions phrased the ways customers phrase it — plain, paraphrased without the
/// article's words, with typos, terse, and in French, Spanish, German, Portuguese, Italian and Dutch. The questions
/// were written from the needs, not from the ranking's word lists (docs/knowledge-base.md).
enum RankingEvaluationData {
    struct Need {
        var article: KnowledgeDocument
        var questions: [String]
    }

    static let needs: [Need] = [
        Need(
            article: KnowledgeDocument(
                id: 1, title: "How refunds work",
                body: """
                    Once we receive your return, we refund the original payment method within 5 business days. \
                    Card refunds can take another 3–5 days to show on your statement.
                    """, category: "Billing", tags: ["refund"], language: "en"),
            questions: [
                "When will I get my refund?", "I want my money back for the jacket",
                "how long until the money is back on my card", "refnd still not received after return",
                "Quand vais-je recevoir mon remboursement ?", "¿Cuándo recibiré el reembolso?",
                "Wann bekomme ich meine Rückerstattung?", "Quando vou receber o reembolso?",
                "Quando arriva il rimborso?", "Wanneer krijg ik mijn terugbetaling?",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 2, title: "Reset your password",
                body: """
                    On the sign-in page choose **Forgot password**, enter your email address and follow the link we \
                    send you. The link works for one hour.
                    """, category: "Account", tags: ["password", "login"], language: "en"),
            questions: [
                "I forgot my password", "can't remember my login details", "how do i reset my pasword",
                "J'ai oublié mon mot de passe", "Olvidé mi contraseña", "Ich habe mein Passwort vergessen",
                "esqueci a minha senha", "ho dimenticato la password", "wachtwoord vergeten",
                "the reset link in the email doesn't work",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 3, title: "Track your order",
                body: """
                    Every shipped order has a tracking number in the shipping confirmation email. Open the link to \
                    see where your parcel is. Tracking can take 24 hours to update after dispatch.
                    """, category: "Delivery", tags: ["tracking", "shipping"], language: "en"),
            questions: [
                "Where is my package?", "where's my parcel", "how can I follow my delivery",
                "tracking number doesnt show anything", "Où est mon colis ?", "¿Dónde está mi paquete?",
                "Wo ist mein Paket?", "onde está a minha encomenda", "dov'è il mio pacco",
                "waar is mijn pakket",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 4, title: "Late deliveries",
                body: """
                    Most orders arrive in 2–4 business days. If yours is more than 3 days past its estimated \
                    delivery date, write to us with your order number and we will chase the courier or send a \
                    replacement.
                    """, category: "Delivery", tags: ["delay"], language: "en"),
            questions: [
                "my order is late", "it's been two weeks and nothing has arrived", "delivery delayed again",
                "package never showed up, estimated date passed", "ma commande est en retard",
                "mi pedido no ha llegado todavía", "meine Bestellung ist verspätet", "a encomenda está atrasada",
                "l'ordine è in ritardo", "mijn bestelling is te laat",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 5, title: "Cancel an order",
                body: """
                    You can cancel an order from your account until it is packed (usually within 2 hours). After \
                    that, wait for it to arrive and send it back for free.
                    """, category: "Orders", tags: ["cancel"], language: "en"),
            questions: [
                "I want to cancel my order", "ordered by mistake, can you stop it?", "cancle my purchase please",
                "how do I call off an order I just placed", "je veux annuler ma commande",
                "quiero cancelar mi pedido", "ich möchte meine Bestellung stornieren", "quero cancelar o pedido",
                "voglio annullare l'ordine", "ik wil mijn bestelling annuleren",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 6, title: "Returns and exchanges",
                body: """
                    You have 30 days to return an item in its original condition. Print the free return label from \
                    your account, drop the parcel at any post office, or choose an exchange for another size.
                    """, category: "Orders", tags: ["return", "exchange"], language: "en"),
            questions: [
                "how do I return an item", "the shoes don't fit, can I swap them for a bigger size",
                "I need a return label", "can i send it back", "comment retourner un article",
                "¿cómo devuelvo un producto?", "wie kann ich einen Artikel zurücksenden",
                "como faço a devolução", "come posso fare un reso", "hoe kan ik iets retourneren",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 7, title: "I was charged twice",
                body: """
                    A double charge is usually a pending authorisation that your bank releases within 3 days. If \
                    both payments still show after that, send us a screenshot of your statement and we refund the \
                    duplicate at once.
                    """, category: "Billing", tags: ["payment"], language: "en"),
            questions: [
                "you charged my card twice", "I see two payments for one order", "double charge on my account",
                "why was I billed 2 times", "j'ai été débité deux fois", "me cobraron dos veces",
                "mir wurde doppelt abgebucht", "fui cobrado duas vezes", "mi avete addebitato due volte",
                "ik heb twee keer betaald",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 8, title: "Damaged or faulty item",
                body: """
                    Sorry! Send us a photo of the damage within 14 days of delivery and we will ship a replacement \
                    or refund you, whichever you prefer. You do not need to return broken glassware.
                    """, category: "Orders", tags: ["damaged"], language: "en"),
            questions: [
                "the item arrived broken", "my lamp came cracked", "product is defective, stopped working after a day",
                "the mug was smashed in the box", "l'article est arrivé cassé", "el producto llegó roto",
                "der Artikel ist kaputt angekommen", "o produto chegou quebrado", "il prodotto è arrivato rotto",
                "het product is kapot aangekomen",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 9, title: "Change your delivery address",
                body: """
                    Until your order ships you can change the delivery address under **Orders → Edit**. Once it has \
                    shipped, ask the courier to redirect it from the tracking page.
                    """, category: "Delivery", tags: ["address"], language: "en"),
            questions: [
                "I need to change the shipping address", "I moved, can you send it to my new place",
                "wrong adress on my order", "update where my order goes", "changer l'adresse de livraison",
                "cambiar la dirección de entrega", "Lieferadresse ändern", "alterar o endereço de entrega",
                "cambiare l'indirizzo di consegna", "bezorgadres wijzigen",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 10, title: "Delete your account",
                body: """
                    Under **Account → Privacy** choose *Delete my account*. We erase your profile and order history \
                    within 30 days, except invoices we must keep by law.
                    """, category: "Account", tags: ["privacy", "gdpr"], language: "en"),
            questions: [
                "please delete my account", "remove all my data", "I want you to erase my profile",
                "close my acount", "supprimer mon compte", "eliminar mi cuenta", "mein Konto löschen",
                "excluir a minha conta", "cancellare il mio account", "mijn account verwijderen",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 11, title: "Invoices and receipts",
                body: """
                    Your invoice is attached to the order confirmation email and can be downloaded any time from \
                    **Orders → Invoice**. Need a company name or VAT number on it? Add it before you pay.
                    """, category: "Billing", tags: ["invoice"], language: "en"),
            questions: [
                "where can I download my invoice", "I need a receipt for my expenses", "can you send me the bill",
                "need VAT number on the invoce", "où trouver ma facture", "necesito una factura",
                "ich brauche eine Rechnung", "preciso da fatura", "mi serve la fattura", "waar vind ik mijn factuur",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 12, title: "Discount codes",
                body: """
                    Enter a discount code in the basket before checkout. One code per order; codes cannot be added \
                    after payment or combined with sale prices.
                    """, category: "Billing", tags: ["coupon", "promo"], language: "en"),
            questions: [
                "my promo code doesn't work", "coupon not accepted at checkout", "forgot to use my voucher",
                "discout code invalid", "mon code promo ne marche pas", "el cupón de descuento no funciona",
                "Gutscheincode funktioniert nicht", "o cupom de desconto não funciona", "il codice sconto non funziona",
                "kortingscode werkt niet",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 13, title: "Subscriptions: pause or cancel",
                body: """
                    Manage your membership under **Account → Subscription**: skip a month, pause for up to three \
                    months or cancel before the next renewal date. No fee.
                    """, category: "Account", tags: ["subscription"], language: "en"),
            questions: [
                "how do I stop my subscription", "I don't want the monthly box anymore", "pause my membership",
                "cancel before renewal", "résilier mon abonnement", "cancelar mi suscripción",
                "Abo kündigen", "cancelar a assinatura", "disdire l'abbonamento", "lidmaatschap opzeggen",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 14, title: "Warranty",
                body: """
                    Every product carries a two-year warranty against manufacturing defects. Keep your proof of \
                    purchase; we repair, replace or refund under warranty.
                    """, category: "Products", tags: ["guarantee"], language: "en"),
            questions: [
                "is this covered by warranty", "how long is the guarantee", "warrenty claim for my blender",
                "does the 2 year cover apply to me", "la garantie couvre-t-elle ce problème",
                "¿tiene garantía?", "wie lange ist die Garantie", "qual é a garantia", "quanto dura la garanzia",
                "hoe lang is de garantie",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 15, title: "Pair your headphones over Bluetooth",
                body: """
                    Hold the power button for 5 seconds until the light flashes blue, then choose the headphones in \
                    your phone's Bluetooth settings. Forget the device and pair again if the connection drops.
                    """, category: "Products", tags: ["bluetooth", "headphones"], language: "en"),
            questions: [
                "headphones won't connect to my phone", "bluetooth pairing fails", "can't pair the earbuds",
                "connection keeps dropping", "le casque ne se connecte pas en bluetooth",
                "los auriculares no se conectan", "Kopfhörer verbinden sich nicht", "o fone não conecta",
                "le cuffie non si collegano", "koptelefoon maakt geen verbinding",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 16, title: "Battery does not charge",
                body: """
                    Use the cable in the box and a 5 V adapter. If the light stays off after 30 minutes, reset the \
                    device by holding both buttons for 10 seconds. Still nothing? It is covered by warranty.
                    """, category: "Products", tags: ["battery", "charging"], language: "en"),
            questions: [
                "it won't charge", "battery dead and the light stays off", "charger not working",
                "batery drains overnight", "la batterie ne charge pas", "la batería no carga",
                "der Akku lädt nicht", "a bateria não carrega", "la batteria non si carica",
                "de batterij laadt niet op",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 17, title: "Opening hours of our support team",
                body: """
                    We answer chat and email Monday to Friday 8:00–20:00 and Saturday 9:00–17:00 (CET). Messages \
                    sent outside these hours are answered the next morning.
                    """, category: "Contact", tags: ["hours"], language: "en"),
            questions: [
                "what are your opening hours", "when are you open", "are you available on sunday",
                "what time does support close", "quels sont vos horaires", "¿cuál es su horario?",
                "wann sind Sie erreichbar", "qual é o horário de atendimento", "quali sono gli orari",
                "wat zijn jullie openingstijden",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 18, title: "Suspicious sign-in or hacked account",
                body: """
                    If you see orders you did not place or a sign-in you do not recognise, change your password at \
                    once and turn on two-factor authentication. Write to us and we freeze the account while we look.
                    """, category: "Account", tags: ["security"], language: "en"),
            questions: [
                "someone hacked my account", "there are orders I didn't make", "strange login from another country",
                "my account was compromised", "mon compte a été piraté", "hackearon mi cuenta",
                "mein Konto wurde gehackt", "minha conta foi hackeada", "il mio account è stato violato",
                "mijn account is gehackt",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 19, title: "International shipping and customs",
                body: """
                    We ship to 40 countries. Orders outside the EU may be charged import duties and customs fees by \
                    the destination country, payable on delivery.
                    """, category: "Delivery", tags: ["international"], language: "en"),
            questions: [
                "do you ship to Canada", "will I pay customs fees", "import duties on my order",
                "shipping abroad possible?", "livrez-vous à l'étranger", "¿hacen envíos internacionales?",
                "liefern Sie ins Ausland", "vocês enviam para o exterior", "spedite all'estero",
                "leveren jullie in het buitenland",
            ]),
        Need(
            article: KnowledgeDocument(
                id: 20, title: "Item out of stock",
                body: """
                    Sold-out items are usually restocked within 3 weeks. Press **Notify me** on the product page \
                    and we email you the moment it is available again.
                    """, category: "Products", tags: ["stock"], language: "en"),
            questions: [
                "when will this be back in stock", "the size I want is sold out", "is the blue one available again",
                "restock date?", "quand sera-t-il de nouveau disponible", "¿cuándo vuelve a estar disponible?",
                "wann ist der Artikel wieder verfügbar", "quando volta ao estoque", "quando torna disponibile",
                "wanneer is het weer op voorraad",
            ]),
    ]

    /// Articles that share words with the needs' articles without answering them: a ranking that only counts words
    /// picks these.
    static let distractors: [KnowledgeDocument] = [
        KnowledgeDocument(
            id: 101, title: "Our payment methods",
            body: "We accept cards, PayPal and bank transfer. Your card is charged when the order ships.",
            category: "Billing", language: "en"),
        KnowledgeDocument(
            id: 102, title: "Gift cards",
            body: "Gift cards are sent by email and can be used for any order. They cannot be refunded or exchanged.",
            category: "Billing", language: "en"),
        KnowledgeDocument(
            id: 103, title: "Create an account",
            body: "Sign up with your email address to track orders, save addresses and check out faster.",
            category: "Account", language: "en"),
        KnowledgeDocument(
            id: 104, title: "Delivery options and costs",
            body: "Standard delivery is free over 50 euros. Express delivery arrives the next business day.",
            category: "Delivery", language: "en"),
        KnowledgeDocument(
            id: 105, title: "Size guide",
            body: "Measure your chest and waist and compare with the table. Between sizes, choose the bigger one.",
            category: "Products", language: "en"),
        KnowledgeDocument(
            id: 106, title: "Product care",
            body: "Wash at 30 degrees. Do not tumble dry. Charge the device fully before the first use.",
            category: "Products", language: "en"),
        KnowledgeDocument(
            id: 107, title: "Newsletter and notifications",
            body:
                "Choose which emails you get under Account → Notifications. Unsubscribe from any email with one click.",
            category: "Account", language: "en"),
        KnowledgeDocument(
            id: 108, title: "Click and collect",
            body: "Pick up your order in one of our stores. We send an email when your order is ready.",
            category: "Delivery", language: "en"),
        KnowledgeDocument(
            id: 109, title: "Price match",
            body: "Found it cheaper within 7 days of your order? We refund the difference in price.",
            category: "Billing", language: "en"),
        KnowledgeDocument(
            id: 110, title: "Our stores",
            body: "Visit one of our 12 stores. Store opening hours are listed on each store's page.",
            category: "Contact", language: "en"),
    ]

    static var articles: [KnowledgeDocument] { needs.map(\.article) + distractors }
}
