#!/usr/bin/env python3
"""Source of data/social-labelled.jsonl: hand-written posts to brands, hand-labelled.

Run: python3 scripts/analysis/social_labelled_source.py > data/social-labelled.jsonl
Columns: lang | sentiment (pos/neu/neg) | intents (comma list) | level | text [| extras as k=v;k=v]
Intents: complaint, question, praise, purchase_intent, churn_threat, noise.
Levels: noise, relevant, attention, urgent. Written before looking at the analyser's output on them.
"""
import json
import sys

ROWS = r"""
en|neg|complaint|attention|@Telco my internet has been down since 8am, still waiting for someone to fix it
en|neg|complaint|attention|@AirNova lost my luggage AGAIN. third time this year
en|neg|complaint|attention|charged twice for the same order @ShopMax and no refund after 10 days
en|neg|complaint|attention|@FastBank app keeps crashing every time I try to log in
en|neg|complaint|attention|no signal in the whole building since Monday @SkyNet
en|neg|complaint|attention|@StreamIt buffering every 5 minutes, paying for 4K and getting potato quality
en|neg|complaint|attention|been on hold for 55 minutes @Telco this is ridiculous
en|neg|complaint|attention|@VoltCar the charging station at the mall is broken and nobody answers the phone
en|neg|complaint|attention|my parcel says delivered but it's not here @ShopMax
en|neg|complaint|attention|@CafeLuna cold coffee and rude staff this morning. not impressed
en|neg|complaint|attention|worst customer service I have ever dealt with @FastBank
en|neg|complaint|attention|@AirNova flight delayed 6 hours and not even a water bottle offered
en|neg|complaint|attention|@SkyNet outage again?? that's the third one this week
en|neg|complaint|attention|the new update made the app unusable @StreamIt
en|neg|complaint|attention|@Telco you overcharged me for roaming I never used
en|neg|complaint|attention|my card got declined at checkout even though I have money in the account @FastBank
en|neg|complaint|attention|@ShopMax the blender arrived damaged and the return form doesn't work
en|neg|complaint|attention|ugh @SkyNet wifi dropping every few minutes 😤
en|neg|complaint|attention|@VoltCar software update bricked my infotainment screen
en|neg|complaint|attention|two weeks and still no refund @AirNova #fail
en|neg|complaint|attention|@StreamIt why do you keep raising prices and removing shows 😒
en|neg|complaint|attention|@Telco your technician never showed up. took a day off work for nothing
en|neg|complaint|attention|the delivery driver threw my package over the fence @ShopMax
en|neg|complaint|attention|@FastBank locked my account with no explanation
en|neg|complaint|attention|so disappointed with the @CafeLuna new menu, everything tastes bland
en|neg|complaint|attention|@SkyNet the speed is nowhere near what you advertise
en|neg|complaint|attention|not happy with @AirNova at all, seat was broken the whole flight
en|neg|complaint|attention|@Telco this is not acceptable, fix my line
en|neg|complaint|attention|terrible experience with @ShopMax support, they hung up on me
en|neg|complaint|attention|@StreamIt the app logs me out constantly
en|neg|complaint|urgent|@AirNova you lost my bags and your staff laughed at me. shameful|followers=2400000;verified=true
en|neg|complaint|urgent|@Telco three days without internet and nobody cares. disgraceful|followers=850000
en|neg|complaint|urgent|@FastBank froze my account while I'm abroad, can't pay for anything|followers=310000;verified=true
en|neg|complaint|urgent|the @VoltCar brakes failed on the motorway, this is dangerous|reposts=400;replies=250;age_minutes=30
en|neg|complaint|urgent|@ShopMax sold me a fake phone and refuses a refund|reposts=200;replies=90;age_minutes=15
en|neg|complaint|urgent|@StreamIt charged my card 5 times this month. scam|followers=1200000
en|neg|complaint|urgent|@CafeLuna found glass in my sandwich. never again|reposts=350;replies=200;age_minutes=40
en|neg|complaint|urgent|@SkyNet worst provider in the country, 12 hours offline|followers=540000;verified=true
en|neg|churn_threat|urgent|cancel my contract @Telco, I'm switching to another provider next week|customer_value=18000
en|neg|churn_threat|urgent|@FastBank after 15 years I'm moving my business accounts to another bank|customer_value=250000
en|neg|churn_threat,complaint|urgent|@SkyNet fix the outage by tonight or I'm cancelling all 40 office lines|customer_value=96000
en|neg|churn_threat|urgent|done with @AirNova, taking my company's travel budget elsewhere|customer_value=120000
en|neg|churn_threat|attention|I'm switching to another provider, done with @Telco
en|neg|churn_threat|attention|@StreamIt cancelling my subscription, too many price hikes
en|neg|churn_threat,complaint|attention|if @SkyNet doesn't fix this by Friday I'm leaving
en|neg|churn_threat|attention|@FastBank how do I close my account? I've had enough
en|neu|churn_threat|attention|thinking of switching to another bank, @FastBank fees are getting silly
en|neg|churn_threat|attention|port my number out please @Telco, I'm out
en|neg|churn_threat|attention|never again @AirNova, next trip I'm flying with someone else
en|neg|churn_threat|attention|@ShopMax unsubscribe me and delete my account
en|pos|praise|relevant|@Telco thank you so much, the engineer fixed everything in 20 minutes
en|pos|praise|relevant|shoutout to @CafeLuna for the best flat white in town ☕
en|pos|praise|relevant|@AirNova crew were amazing today, so kind with my kids
en|pos|praise|relevant|honestly @StreamIt has the best documentaries right now
en|pos|praise|relevant|@FastBank new app is super smooth, well done
en|pos|praise|relevant|got my order in one day, impressed @ShopMax 👏
en|pos|praise|relevant|@VoltCar the new update made the range estimate so much better
en|pos|praise|relevant|love love love my new @VoltCar 😍
en|pos|praise|relevant|@SkyNet support sorted my issue in minutes, kudos
en|pos|praise|relevant|the @CafeLuna team remembered my order, that's service
en|pos|praise|relevant|@Telco fibre is finally here and it's fast 🔥
en|pos|praise|relevant|big thanks to @AirNova for rebooking me so quickly
en|pos|praise|relevant|@ShopMax customer service was genuinely helpful today
en|pos|praise|relevant|@FastBank thanks for refunding the fraud so fast, lifesaver
en|pos|praise|relevant|@StreamIt that finale was incredible
en|pos|praise|relevant|❤️❤️❤️ @CafeLuna
en|pos|praise|relevant|👍👍 @SkyNet
en|pos|praise|relevant|highly recommend @VoltCar, best car I've owned
en|pos|praise|attention|@AirNova best airline ever, flawless flight|followers=1500000;verified=true
en|pos|praise|attention|@StreamIt my favourite app, can't live without it|followers=900000
en|pos||relevant|not bad at all @CafeLuna, the new blend is pretty good
en|neg|complaint|attention|not good enough @Telco, not good at all
en|neg|complaint|attention|the app isn't great @FastBank, can't even see my balance
en|neg|complaint|attention|@ShopMax I don't love the new checkout, it's confusing
en|neg|complaint|attention|Great, another outage. Thanks @SkyNet 🙄
en|neg|complaint|attention|love waiting two hours on hold @Telco, best part of my day
en|neg|complaint|attention|oh great @AirNova cancelled my flight again
en|neg|complaint|attention|yeah right @FastBank, "instant" transfers that take 3 days
en|neg|complaint|attention|thanks for nothing @ShopMax
en|neg|complaint|attention|wow @StreamIt, another price increase, how generous of you /s
en|neg|complaint|attention|@Telco amazing how you manage to be down every single weekend 🙄
en|neg||attention|😡😡😡 @SkyNet
en|neg||attention|@AirNova 👎
en|neg||attention|@Telco 🤬
en|neu|question|attention|@Telco how do I change my billing address?
en|neu|question|attention|does anyone know if @SkyNet covers rural areas?
en|neu|question|attention|@FastBank can you send statements by email?
en|neu|question|attention|@AirNova what's the baggage allowance on the cheapest fare?
en|neu|question|attention|@StreamIt is there a student discount?
en|neu|question|attention|when will the new store open @CafeLuna?
en|neu|question|attention|@ShopMax where is my order? tracking hasn't moved
en|neu|question|attention|@VoltCar how long does a full charge take at home?
en|neu|question|attention|@Telco any update on the fibre rollout in my street?
en|neu|question|attention|help! @FastBank how do I reset my PIN?
en|neu|question|attention|@SkyNet can I pause my plan while I'm travelling?
en|neu|question|attention|is the @StreamIt app available on smart TVs?
en|neu|purchase_intent|attention|thinking of buying the @VoltCar model 3, anyone have one?
en|neu|purchase_intent,question|attention|@Telco how much is the unlimited plan?
en|neu|purchase_intent|attention|want to buy the new @ShopMax gift card for my mum
en|neu|purchase_intent,question|attention|should I get the @StreamIt premium plan or the basic one?
en|neu|purchase_intent|attention|looking for a new broadband deal, @SkyNet worth it?
en|neu|purchase_intent,question|attention|@AirNova is the premium economy upgrade worth it?
en|pos|purchase_intent|attention|can't wait to pre-order the new @VoltCar 😍
en|neu|purchase_intent,question|attention|@FastBank which plan is best for a small business?
en|neu|purchase_intent|attention|considering @Telco for our office, any reviews?
en|neu|purchase_intent,question|attention|where can I buy @CafeLuna beans?
en|neu|noise|noise|WIN a free @VoltCar test drive! follow and retweet to enter #giveaway #win
en|neu|noise|noise|We're hiring! Customer support position at @Telco, apply now https://jobs.example.com/42
en|neu|noise|noise|free followers fast!!! click here https://spam.example.com @StreamIt @ShopMax @SkyNet
en|neu|noise|noise|@FastBank crypto giveaway!! send 1 BTC get 2 back https://scam.example.com
en|neu|noise|noise|making apple pie tonight, recipe in bio #baking #apple #pie #fall #yum
en|neu|noise|noise|Use code SAVE20 at @ShopMax, link in bio #ad #sponsored
en|neu|noise|noise|#job #hiring #careers #london #retail @ShopMax store assistant vacancy https://jobs.example.com
en|neu|noise|noise|the amazon rainforest is losing trees at record pace
en|neu|noise|noise|nft airdrop live now, connect wallet https://x.example.com #nft #airdrop #crypto
en|neu|noise|noise|Internship opportunity at @AirNova, apply now https://careers.example.com
en|neu||relevant|just landed with @AirNova
en|neu||relevant|@CafeLuna opening hours on Sunday are 9 to 5
en|neu||relevant|switched my phone plan to @Telco last month
en|neu||relevant|@StreamIt new season drops on friday
en|neu||relevant|picked up my @VoltCar today
en|neu||relevant|@ShopMax delivery arrived
en|pos|praise|relevant|the new @SkyNet router is sooo fast
en|pos|praise|relevant|@CafeLuna best croissant EVER
en|neg|complaint|attention|@FastBank your app is SO SLOW today
en|neg|complaint|attention|the @Telco app is sooo buggy, please fix
en|neg|complaint|attention|@AirNova the food was okay but the delay was terrible
en|pos|praise|relevant|the delay was annoying but @AirNova crew made up for it, lovely people
es|neg|complaint|attention|@Telco mi internet no funciona desde ayer, qué vergüenza
es|neg|complaint|attention|@ShopMax el pedido llegó roto y nadie responde
es|neg|complaint|attention|servicio pésimo @FastBank, me cobraron dos veces
es|neg|complaint|attention|@SkyNet sin servicio otra vez 😡
es|neg|churn_threat|attention|me cambio de compañía, @Telco es un desastre
es|pos|praise|relevant|gracias @AirNova, el vuelo fue excelente
es|pos|praise|relevant|@CafeLuna me encanta el nuevo café, muy bueno
es|neu|question|attention|@FastBank ¿cómo puedo cambiar mi contraseña?
es|neu|purchase_intent,question|attention|@VoltCar ¿cuánto cuesta el nuevo modelo?
es|neu|noise|noise|sorteo de un móvil @ShopMax, sigue y comparte #sorteo
es|pos|praise|relevant|@StreamIt la nueva serie es genial
es|neg|complaint|attention|@AirNova perdieron mi maleta y no me dan respuesta
es|neu|question|attention|@SkyNet ¿dónde puedo ver el estado de la red?
es|neg|complaint|urgent|@Telco tres días sin internet, es una estafa|followers=600000
es|neu||relevant|hoy empiezo con @StreamIt
fr|neg|complaint|attention|@Telco ma box ne fonctionne toujours pas, c'est nul
fr|neg|complaint|attention|@AirNova vol annulé sans explication, honte à vous
fr|neg|complaint|attention|@FastBank toujours pas de remboursement après un mois
fr|neg|churn_threat|attention|je vais résilier mon abonnement @StreamIt
fr|pos|praise|relevant|merci @CafeLuna, service parfait comme toujours
fr|pos|praise|relevant|@ShopMax livraison rapide, je suis très content
fr|neu|question|attention|@SkyNet comment je peux changer mon forfait ?
fr|neu|purchase_intent,question|attention|@VoltCar combien coûte la recharge à domicile ?
fr|neu|noise|noise|grand concours @ShopMax, tentez de gagner un vélo #concours
fr|neg|complaint|attention|@SkyNet encore une panne ce matin
fr|pos|praise|relevant|génial le nouveau service client @FastBank
fr|neu|question|attention|@AirNova est-ce que les bagages sont inclus ?
fr|neg|complaint|urgent|@Telco aucune connexion depuis une semaine, inadmissible|followers=420000;verified=true
fr|neu||relevant|je suis chez @CafeLuna avec des amis
fr|neg|complaint|attention|@StreamIt l'application plante tout le temps, c'est pénible
de|neg|complaint|attention|@Telco seit drei Tagen kein Internet, eine Frechheit
de|neg|complaint|attention|@AirNova Flug gestrichen und keine Erstattung
de|neg|complaint|attention|@FastBank die App funktioniert nicht, schon wieder
de|neg|churn_threat|attention|@SkyNet ich werde kündigen, der Service ist schlecht
de|pos|praise|relevant|danke @ShopMax, super schnelle Lieferung!
de|pos|praise|relevant|@CafeLuna toller Kaffee und nette Leute
de|neu|question|attention|@StreamIt wie kann ich mein Abo pausieren?
de|neu|purchase_intent,question|attention|@VoltCar was kostet das neue Modell?
de|neu|noise|noise|Gewinnspiel! @ShopMax verlost ein Fahrrad #gewinnspiel
de|neg|complaint|attention|@SkyNet schon wieder eine Störung, ärgerlich
de|pos|praise|relevant|@Telco endlich Glasfaser, klasse!
de|neu|question|attention|@AirNova wann kommt mein Koffer?
de|neg|complaint|urgent|@FastBank Konto gesperrt und keiner hilft, ein Skandal|followers=780000
de|neu||relevant|heute mit @VoltCar nach Hamburg gefahren
de|neg|complaint|attention|@StreamIt leider ist die Qualität sehr schlecht
pt|neg|complaint|attention|@Telco o meu internet não funciona há dois dias, péssimo
pt|neg|complaint|attention|@ShopMax o pedido chegou errado e ninguém responde
pt|neg|complaint|attention|@FastBank que vergonha, cobraram duas vezes
pt|neg|churn_threat|attention|@SkyNet vou cancelar o contrato, chega
pt|pos|praise|relevant|obrigado @AirNova, voo ótimo
pt|pos|praise|relevant|@CafeLuna adorei o novo café 😍
pt|neu|question|attention|@StreamIt como faço para mudar o plano?
pt|neu|purchase_intent,question|attention|@VoltCar quanto custa o carregador?
pt|neu|noise|noise|sorteio de um celular @ShopMax, siga e compartilhe #sorteio
pt|neg|complaint|attention|@SkyNet sem internet de novo, que lixo
pt|pos|praise|relevant|@FastBank atendimento maravilhoso, muito obrigada
pt|neu|question|attention|@AirNova quando sai o reembolso?
pt|neg|complaint|urgent|@Telco três dias sem sinal, isso é um golpe|followers=1100000
pt|neu||relevant|estou no aeroporto com a @AirNova
pt|neg|complaint|attention|@StreamIt o aplicativo está muito lento
it|neg|complaint|attention|@Telco il mio internet non funziona da ieri, che schifo
it|neg|complaint|attention|@AirNova volo cancellato e nessun rimborso
it|neg|complaint|attention|@FastBank pessimo servizio, ancora nessuna risposta
it|neg|churn_threat|attention|@SkyNet voglio disdire il contratto, basta
it|pos|praise|relevant|grazie @ShopMax, consegna velocissima
it|pos|praise|relevant|@CafeLuna caffè ottimo come sempre
it|neu|question|attention|@StreamIt come posso cambiare la password?
it|neu|purchase_intent,question|attention|@VoltCar quanto costa il nuovo modello?
it|neu|noise|noise|concorso @ShopMax, vinci una bici #concorso
it|neg|complaint|attention|@SkyNet ancora un guasto, che vergogna
it|pos|praise|relevant|@FastBank bravi, app fantastica
it|neu|question|attention|@AirNova quando arriva il mio bagaglio?
it|neg|complaint|urgent|@Telco una settimana senza linea, è una truffa|followers=350000;verified=true
it|neu||relevant|sono da @CafeLuna con gli amici
it|neg|complaint|attention|@StreamIt l'app è lenta e si blocca sempre
nl|neg|complaint|attention|@Telco mijn internet werkt niet, al twee dagen geen verbinding
nl|neg|complaint|attention|@AirNova vlucht geannuleerd en geen terugbetaling
nl|neg|complaint|attention|@FastBank waardeloze app, werkt weer niet
nl|neg|churn_threat|attention|@SkyNet ik ga mijn abonnement opzeggen
nl|pos|praise|relevant|bedankt @ShopMax, geweldig geholpen vandaag!
nl|pos|praise|relevant|@CafeLuna heerlijke koffie, top
nl|neu|question|attention|@StreamIt hoe kan ik mijn wachtwoord wijzigen?
nl|neu|purchase_intent,question|attention|@VoltCar wat kost het nieuwe model?
nl|neu|noise|noise|winactie! @ShopMax geeft een fiets weg #winactie
nl|neg|complaint|attention|@SkyNet weer een storing, echt een schande
nl|pos|praise|relevant|@FastBank top service, heel blij
nl|neu|question|attention|@AirNova wanneer komt mijn koffer?
nl|neg|complaint|urgent|@Telco een week zonder internet, dit is oplichting|followers=260000
nl|neu||relevant|vandaag met @VoltCar naar Utrecht
nl|neg|complaint|attention|@StreamIt de app is traag en slecht
und|neu|noise|noise|🎁🎁🎁 @ShopMax https://x.example.com #free #gift #win #promo #deal
und|pos|praise|relevant|😍😍 @CafeLuna
und|neg||attention|@AirNova 😭😭
und|neu||relevant|@VoltCar 🚗
en|neg|complaint|attention|@Telco mi internet no funciona, please help, been down all day
en|pos|praise|relevant|merci @CafeLuna, best coffee in Paris 🙏
"""


def main():
    out = sys.stdout
    for n, line in enumerate(l for l in ROWS.strip().split("\n") if l.strip()):
        parts = line.split("|")
        lang, sent, intents, level, text = parts[:5]
        row = {"id": f"s{n + 1:03d}", "text": text, "lang": lang,
               "sentiment": {"pos": "positive", "neu": "neutral", "neg": "negative"}[sent],
               "intents": [i for i in intents.split(",") if i], "level": level}
        if len(parts) > 5:
            for kv in parts[5].split(";"):
                k, v = kv.split("=")
                row[k] = True if v == "true" else float(v) if "." in v else int(v)
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
