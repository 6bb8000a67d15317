#!/usr/bin/env python3
"""Source of data/social-labelled.jsonl: hand-written posts to brands, hand-labelled.

Run: python3 scripts/analysis/social_labelled_source.py > data/social-labelled.jsonl
Columns: lang | sentiment (pos/neu/neg) | intents (comma list) | level | text [| extras as k=v;k=v]
Intents: complaint, question, praise, purchase_intent, churn_threat, noise.
Levels: noise, relevant, attention, urgent. Written before looking at the analyser's output on them.
Rows s001–s224 are the first batch; s225 on (new brands PowerGrid, FoodDash, HotelAurora, GymFlex,
more sarcasm, negated praise, emoji-only and 19 more posts per non-English language) were added
in a second batch, also labelled before the analyser saw them and not used to change it.
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
en|neg|complaint|attention|@PowerGrid third power cut this week and the outage map says everything is fine
en|neg|complaint|attention|@FoodDash my order showed up 90 minutes late and stone cold
en|neg|complaint|attention|@HotelAurora booked a sea view, got a room facing the car park
en|neg|complaint|attention|@GymFlex charged me the annual fee even though I cancelled in March
en|neg|complaint|attention|the @Telco bill doubled this month and nobody can explain why
en|neg|complaint|attention|@ShopMax wrong size again, this is the second exchange
en|neg|complaint|attention|@FastBank the transfer vanished, money left my account and never arrived
en|neg|complaint|attention|@StreamIt subtitles out of sync on every episode, please sort it
en|neg|complaint|attention|@AirNova the check-in website crashed three times before it let me in
en|neg|complaint|attention|@SkyNet speeds drop to nothing every evening between 7 and 11
en|neg|complaint|attention|@VoltCar waited 4 weeks for a service slot and they still didn't have the part
en|neg|complaint|attention|@CafeLuna found a hair in my salad, gross
en|neg|complaint|attention|@FoodDash driver ate half my fries, the bag was opened
en|neg|complaint|attention|@HotelAurora shower had no hot water for our whole stay
en|neg|complaint|attention|@PowerGrid smart meter readings are completely wrong and support keeps closing my ticket
en|neg|complaint|attention|@GymFlex half the machines are out of order and the showers are filthy
en|neg|complaint|attention|@Telco your chatbot is useless, it just sends me in circles
en|neg|complaint|attention|@ShopMax the "next day delivery" took a week
en|neg|complaint|attention|@FastBank why does the app log me out every 30 seconds
en|neg|complaint|attention|I've emailed @AirNova five times about my refund, zero replies
en|neg|complaint|attention|@StreamIt you removed my favourite show without any warning
en|neg|complaint|attention|@SkyNet engineer appointment missed for the second time, no call, no text
en|neg|complaint|attention|the @VoltCar app says my car is in another city
en|neg|complaint|attention|@PowerGrid estimated bill is triple what we actually use
en|neg|complaint|attention|@FoodDash refunded me £2 for a missing £14 meal. seriously?
en|neg|complaint|attention|@HotelAurora noisy construction all night and reception shrugged
en|neg|complaint|attention|@GymFlex the class I booked was cancelled while I was already on my way
en|neg|complaint|attention|honestly the worst onboarding I've seen @FastBank, 3 weeks to open an account
en|neg|complaint|attention|@CafeLuna paid for oat milk, got regular milk, now I'm sick
en|neg|complaint|attention|@Telco roaming didn't work at all in Spain, paid for the add-on for nothing
en|neg|complaint|urgent|@PowerGrid a whole neighbourhood without power for 20 hours and no updates. shameful|followers=1800000;verified=true
en|neg|complaint|urgent|@FoodDash food poisoning after your "premium" sushi, my whole family is sick|reposts=600;replies=300;age_minutes=45
en|neg|complaint|urgent|@HotelAurora bed bugs in room 412, photos attached. disgusting|followers=450000
en|neg|complaint|urgent|@GymFlex your trainer injured my back and you refuse to answer|followers=220000;verified=true
en|neg|complaint|urgent|@Telco leaked my personal data to another customer, how is this possible|reposts=250;replies=180;age_minutes=20
en|neg|churn_threat|urgent|@PowerGrid our factory lost a full shift to your outage, we're looking at other suppliers|customer_value=480000
en|neg|churn_threat|urgent|@SkyNet moving all 200 staff lines to a competitor unless this is fixed today|customer_value=150000
en|neg|churn_threat|attention|@GymFlex cancel my membership please, I'm done
en|neg|churn_threat|attention|switching to another bank after this mess @FastBank
en|neg|churn_threat|attention|@StreamIt last month of my subscription, not worth the price anymore
en|neg|churn_threat|attention|@FoodDash deleting the app, going back to ordering by phone
en|neg|churn_threat|attention|@HotelAurora never booking with you again
en|neg|churn_threat,complaint|attention|@Telco third outage this month, I'm cancelling my contract
en|neu|churn_threat|attention|@PowerGrid how do I switch supplier? want to leave by next month
en|neg|churn_threat|attention|@ShopMax closing my account, your prices went up again
en|pos|praise|relevant|@PowerGrid crew restored power in the storm within two hours, heroes
en|pos|praise|relevant|@FoodDash fastest delivery ever, still piping hot 🔥
en|pos|praise|relevant|@HotelAurora the staff upgraded us for our anniversary, thank you so much
en|pos|praise|relevant|@GymFlex the new spin classes are brilliant
en|pos|praise|relevant|shoutout to the @Telco store team in Leeds, super patient with my dad
en|pos|praise|relevant|@ShopMax returns were painless, refund in two days
en|pos|praise|relevant|@FastBank savings pots feature is genuinely great
en|pos|praise|relevant|@AirNova smoothest boarding I've ever had
en|pos|praise|relevant|@StreamIt the new interface is clean and fast, nice work
en|pos|praise|relevant|@SkyNet support chat solved my problem in five minutes 👏
en|pos|praise|relevant|@VoltCar the road trip planner is perfect
en|pos|praise|relevant|@CafeLuna your barista Ana made my morning, lovely person
en|pos|praise|relevant|thank you @PowerGrid for the heads up text before the maintenance
en|pos|praise|relevant|@FoodDash the driver waited while I found my keys, so kind
en|pos|praise|attention|@HotelAurora the best hotel breakfast I've had in years|followers=650000;verified=true
en|pos|praise|relevant|@GymFlex 🙌🙌 best gym in the city
en|neg|complaint|attention|@PowerGrid not impressed at all, four hours on hold
en|neg|complaint|attention|not exactly great service @FoodDash, the app charged me twice
en|neg|complaint|attention|@HotelAurora the room wasn't clean and the wifi didn't work
en|neg|complaint|attention|I wouldn't call that helpful @Telco, the agent just hung up
en|neg|complaint|attention|@GymFlex never been less motivated, the place is a mess
en|neg|complaint|attention|@FastBank no, that is not "fixed", the app still crashes
en|neg|complaint|attention|oh wonderful, @PowerGrid cut the power during the final again 🙄
en|neg|complaint|attention|love paying premium prices for @FoodDash to deliver soggy pizza
en|neg|complaint|attention|great job @AirNova, you managed to lose my bag on a direct flight /s
en|neg|complaint|attention|fantastic, @SkyNet is down again. exactly what I needed before a deadline
en|neg|complaint|attention|thanks @Telco for the surprise fee, really made my day 🙃
en|neg|complaint|attention|wow @StreamIt another ad before every episode, so premium
en|neg|complaint|attention|@ShopMax brilliant, the "waterproof" jacket leaks
en|neu|question|attention|@PowerGrid is there a planned outage in postcode LS6 tomorrow?
en|neu|question|attention|@FoodDash do you deliver to the university campus?
en|neu|question|attention|@HotelAurora can I check in early if I arrive at 10am?
en|neu|question|attention|@GymFlex what time does the pool open on bank holidays?
en|neu|question|attention|@FastBank how do I add my partner to a joint account?
en|neu|question|attention|@AirNova can I bring a guitar as cabin luggage?
en|neu|question|attention|@StreamIt why can't I download episodes on my tablet?
en|neu|question|attention|@VoltCar does the warranty cover the battery?
en|neu|question|attention|anyone know if @CafeLuna takes card only now?
en|neu|question|attention|@Telco when will 5G be available in Bristol?
en|neu|purchase_intent,question|attention|@GymFlex how much is a family membership?
en|neu|purchase_intent|attention|looking for a hotel in Lisbon for May, @HotelAurora any rooms left?
en|neu|purchase_intent,question|attention|@VoltCar is the long range version worth the extra money?
en|neu|purchase_intent|attention|thinking of upgrading to the @Telco unlimited plan
en|neu|purchase_intent,question|attention|@ShopMax is the new air fryer in stock yet?
en|pos|purchase_intent|attention|ready to buy my first @VoltCar, so excited
en|neu|purchase_intent,question|attention|@PowerGrid do you have a green energy tariff for small businesses?
en|neu|purchase_intent,question|attention|which plan should I get @StreamIt, I only watch on my phone
en|neu|noise|noise|Retweet and follow @FoodDash to win a year of free dinners #giveaway #competition
en|neu|noise|noise|@HotelAurora is hiring receptionists in Porto, apply now https://jobs.example.com/88
en|neu|noise|noise|earn $500 a day from home!!! DM me @FastBank @ShopMax @Telco https://spam.example.com
en|neu|noise|noise|Bitcoin to the moon 🚀 join my crypto group https://t.example.com #crypto #btc #moon #money #rich
en|neu|noise|noise|the zoo had baby penguins today, cutest thing ever
en|neu|noise|noise|banana bread recipe that never fails #baking #recipe #banana #bread #easy
en|neu|noise|noise|Use promo code GYM50 for half price at @GymFlex #ad #fitness #promo
en|neu|noise|noise|Job alert: warehouse operatives needed @ShopMax, apply now https://careers.example.com
en|neu|noise|noise|click here for free streaming accounts https://free.example.com @StreamIt
en|neu|noise|noise|sponsored: check out the new @VoltCar range at the motor show #ad #sponsored
en|neu||relevant|at the @GymFlex on Main Street this morning
en|neu||relevant|@PowerGrid engineers working on our street today
en|neu||relevant|ordered dinner from @FoodDash
en|neu||relevant|staying at the @HotelAurora in Madrid this weekend
en|neu||relevant|@Telco shop moved to the new mall
en|neu||relevant|my @FastBank card arrived
en|pos||relevant|fun night in with @StreamIt and pizza
en|neg|complaint|attention|@Telco internet lento otra vez, so frustrating, third time this week
en|pos|praise|relevant|danke @HotelAurora, amazing stay, we'll be back
en|neu|question|attention|@AirNova quick question, do I need a visa for the Madrid flight or is the ID ok?
en|neg|complaint|attention|@FoodDash the app says delivered but it's not here
es|neg|complaint|attention|@PowerGrid otra vez sin luz en todo el barrio, esto es inaceptable
es|neg|complaint|attention|@FoodDash el pedido llegó frío y faltaba la bebida
es|neg|complaint|attention|@HotelAurora la habitación estaba sucia y el aire acondicionado no funciona
es|neg|complaint|attention|@GymFlex me siguen cobrando la cuota después de darme de baja
es|neg|complaint|attention|@Telco llevo una hora esperando al teléfono, qué mal servicio
es|neg|churn_threat|attention|@FastBank me voy a otro banco, estoy harta de las comisiones
es|neg|churn_threat|attention|@StreamIt voy a cancelar mi suscripción, cada mes más caro
es|pos|praise|relevant|@HotelAurora personal encantador y desayuno increíble, gracias
es|pos|praise|relevant|@FoodDash súper rápido, la comida llegó caliente, gracias
es|pos|praise|relevant|@VoltCar me encanta mi coche nuevo, es una maravilla
es|neu|question|attention|@GymFlex ¿a qué hora abre el gimnasio los domingos?
es|neu|question|attention|@AirNova ¿puedo llevar a mi perro en cabina?
es|neu|purchase_intent,question|attention|@Telco ¿cuánto cuesta la fibra de 1 giga?
es|neu|purchase_intent|attention|quiero comprar el nuevo cargador de @VoltCar para casa
es|neu|noise|noise|¡Sorteo! sigue a @GymFlex y gana un año gratis #sorteo #fitness
es|neu|noise|noise|buscamos camareros para @CafeLuna Madrid, envía tu CV https://jobs.example.com
es|neu||relevant|cenando con amigos, pedimos a @FoodDash
es|neg|complaint|attention|genial @SkyNet, otra vez sin internet justo hoy 🙄
es|neg|complaint|urgent|@PowerGrid dos días sin luz en pleno invierno, una vergüenza|followers=350000;verified=true
fr|neg|complaint|attention|@PowerGrid encore une coupure de courant, trois fois cette semaine
fr|neg|complaint|attention|@FoodDash commande arrivée froide avec une heure de retard
fr|neg|complaint|attention|@HotelAurora chambre sale et personne à l'accueil, très déçu
fr|neg|complaint|attention|@GymFlex vous m'avez prélevé deux fois ce mois-ci
fr|neg|complaint|attention|@ShopMax colis perdu et le service client ne répond jamais
fr|neg|churn_threat|attention|@Telco je quitte votre réseau à la fin du mois, ras le bol
fr|neg|churn_threat|attention|@FastBank je vais clôturer mon compte, trop de frais cachés
fr|pos|praise|relevant|@HotelAurora séjour parfait, merci à toute l'équipe
fr|pos|praise|relevant|@VoltCar ma nouvelle voiture est géniale, bravo
fr|pos|praise|relevant|@FoodDash livreur adorable et commande parfaite, merci
fr|neu|question|attention|@AirNova est-ce que je peux changer la date de mon vol ?
fr|neu|question|attention|@GymFlex quels sont les horaires de la piscine le dimanche ?
fr|neu|purchase_intent,question|attention|@SkyNet combien coûte l'offre fibre pour les pros ?
fr|neu|purchase_intent|attention|je cherche un nouveau forfait mobile, @Telco vous avez des promos ?
fr|neu|noise|noise|Jeu concours : gagnez un week-end à l'@HotelAurora, abonnez-vous et partagez #concours
fr|neu|noise|noise|@ShopMax recrute des vendeurs à Lyon, postulez ici https://jobs.example.com
fr|neu||relevant|petit café chez @CafeLuna avant le boulot
fr|neg|complaint|attention|bravo @SkyNet, encore une panne pendant le match, vraiment génial 🙄
fr|neg|complaint|urgent|@FoodDash intoxication alimentaire après votre commande, toute la famille malade|reposts=300;replies=150;age_minutes=25
de|neg|complaint|attention|@PowerGrid schon wieder Stromausfall, das ist doch nicht normal
de|neg|complaint|attention|@FoodDash Essen kam kalt und eine Stunde zu spät
de|neg|complaint|attention|@HotelAurora das Zimmer war dreckig und die Heizung ging nicht
de|neg|complaint|attention|@GymFlex ich habe gekündigt und ihr bucht trotzdem ab
de|neg|complaint|attention|@Telco seit einer Woche warte ich auf den Techniker
de|neg|churn_threat|attention|@FastBank ich wechsle die Bank, die Gebühren sind eine Frechheit
de|neg|churn_threat|attention|@StreamIt ich kündige mein Abo, viel zu teuer geworden
de|pos|praise|relevant|@HotelAurora wunderbarer Aufenthalt, vielen Dank an das Team
de|pos|praise|relevant|@VoltCar das neue Update ist super, danke
de|pos|praise|relevant|@FoodDash sehr schnelle Lieferung und freundlicher Fahrer
de|neu|question|attention|@AirNova kann ich mein Fahrrad mitnehmen?
de|neu|question|attention|@GymFlex wann öffnet das Studio am Feiertag?
de|neu|purchase_intent,question|attention|@SkyNet was kostet der Glasfaser Tarif für Firmen?
de|neu|purchase_intent|attention|ich möchte den neuen @VoltCar kaufen, gibt es eine Probefahrt?
de|neu|noise|noise|Gewinnspiel: @GymFlex verlost drei Jahresabos, einfach teilen #gewinnspiel
de|neu|noise|noise|@ShopMax sucht Mitarbeiter im Lager, jetzt bewerben https://jobs.example.com
de|neu||relevant|heute Abend bestellen wir bei @FoodDash
de|neg|complaint|attention|na toll @Telco, schon wieder kein Netz 🙄
de|neg|complaint|urgent|@PowerGrid ganzes Viertel seit gestern ohne Strom, keiner informiert uns|followers=510000
pt|neg|complaint|attention|@PowerGrid mais uma vez sem luz, isso é um absurdo
pt|neg|complaint|attention|@FoodDash o pedido chegou frio e atrasado
pt|neg|complaint|attention|@HotelAurora o quarto estava sujo e o chuveiro não funciona
pt|neg|complaint|attention|@GymFlex continuam cobrando mesmo depois do cancelamento
pt|neg|complaint|attention|@Telco uma hora esperando no telefone, atendimento horrível
pt|neg|churn_threat|attention|@FastBank vou trocar de banco, cansei das taxas
pt|neg|churn_threat|attention|@StreamIt vou cancelar a assinatura, está muito caro
pt|pos|praise|relevant|@HotelAurora equipe maravilhosa, obrigado por tudo
pt|pos|praise|relevant|@VoltCar amei o carro novo, muito bom
pt|pos|praise|relevant|@FoodDash entrega super rápida, obrigada
pt|neu|question|attention|@AirNova posso levar o meu cachorro na cabine?
pt|neu|question|attention|@GymFlex qual é o horário da academia no feriado?
pt|neu|purchase_intent,question|attention|@SkyNet quanto custa a fibra para empresas?
pt|neu|purchase_intent|attention|quero comprar o carregador da @VoltCar para casa
pt|neu|noise|noise|Sorteio! siga a @GymFlex e ganhe um ano grátis #sorteio
pt|neu|noise|noise|@ShopMax contrata vendedores em Lisboa, envie o seu currículo https://jobs.example.com
pt|neu||relevant|jantar de hoje é da @FoodDash
pt|neg|complaint|attention|que maravilha @SkyNet, sem internet de novo 🙄
pt|neg|complaint|urgent|@PowerGrid bairro inteiro sem luz há dois dias, ninguém explica nada|followers=720000;verified=true
it|neg|complaint|attention|@PowerGrid ancora senza corrente, terza volta questa settimana
it|neg|complaint|attention|@FoodDash ordine arrivato freddo e in ritardo di un'ora
it|neg|complaint|attention|@HotelAurora camera sporca e aria condizionata rotta
it|neg|complaint|attention|@GymFlex mi avete addebitato la quota due volte
it|neg|complaint|attention|@Telco un'ora in attesa al telefono, servizio pessimo
it|neg|churn_threat|attention|@FastBank cambio banca, le commissioni sono assurde
it|neg|churn_threat|attention|@StreamIt voglio disdire l'abbonamento, costa troppo
it|pos|praise|relevant|@HotelAurora soggiorno perfetto, grazie a tutto lo staff
it|pos|praise|relevant|@VoltCar la nuova macchina è fantastica, bravi
it|pos|praise|relevant|@FoodDash consegna velocissima, grazie mille
it|neu|question|attention|@AirNova posso portare il mio cane in cabina?
it|neu|question|attention|@GymFlex a che ora apre la piscina la domenica?
it|neu|purchase_intent,question|attention|@SkyNet quanto costa la fibra per le aziende?
it|neu|purchase_intent|attention|vorrei comprare il nuovo caricatore @VoltCar per casa
it|neu|noise|noise|Concorso! segui @GymFlex e vinci un anno gratis #concorso
it|neu|noise|noise|@ShopMax cerca commessi a Milano, candidati qui https://jobs.example.com
it|neu||relevant|stasera ordiniamo da @FoodDash
it|neg|complaint|attention|complimenti @SkyNet, di nuovo senza internet 🙄
it|neg|complaint|urgent|@PowerGrid tutto il quartiere senza luce da ieri, nessuno risponde|followers=430000
nl|neg|complaint|attention|@PowerGrid alweer een stroomstoring, dit is de derde keer deze week
nl|neg|complaint|attention|@FoodDash bestelling kwam koud en een uur te laat
nl|neg|complaint|attention|@HotelAurora de kamer was vies en de verwarming deed het niet
nl|neg|complaint|attention|@GymFlex ik heb opgezegd en jullie schrijven nog steeds af
nl|neg|complaint|attention|@Telco al een uur in de wacht, slechte service
nl|neg|churn_threat|attention|@FastBank ik stap over naar een andere bank, veel te dure kosten
nl|neg|churn_threat|attention|@StreamIt ik ga mijn abonnement opzeggen, te duur geworden
nl|pos|praise|relevant|@HotelAurora heerlijk verblijf, bedankt aan het hele team
nl|pos|praise|relevant|@VoltCar de nieuwe update is geweldig, dank jullie
nl|pos|praise|relevant|@FoodDash super snelle bezorging, bedankt
nl|neu|question|attention|@AirNova mag ik mijn fiets meenemen?
nl|neu|question|attention|@GymFlex hoe laat gaat het zwembad open op zondag?
nl|neu|purchase_intent,question|attention|@SkyNet wat kost glasvezel voor bedrijven?
nl|neu|purchase_intent|attention|ik wil de nieuwe laadpaal van @VoltCar kopen voor thuis
nl|neu|noise|noise|Winactie! volg @GymFlex en win een jaar gratis sporten #winactie
nl|neu|noise|noise|@ShopMax zoekt magazijnmedewerkers in Utrecht, solliciteer nu https://jobs.example.com
nl|neu||relevant|vanavond eten we van @FoodDash
nl|neg|complaint|attention|top @SkyNet, weer geen internet 🙄
nl|neg|complaint|urgent|@PowerGrid de hele wijk zit sinds gisteren zonder stroom, niemand laat iets weten|followers=380000;verified=true
und|pos|praise|relevant|🔥🔥🔥 @FoodDash
und|neg||attention|@PowerGrid 🕯️🕯️😩
und|pos||relevant|@HotelAurora 🌊☀️🍹
und|neg||attention|😤😤 @GymFlex
und|neu||relevant|@VoltCar ⚡🚗
und|pos|praise|relevant|@AirNova ✈️😍👏
und|neg||attention|@Telco 📵😡
und|neu|noise|noise|💰💰💰 @FastBank https://spam.example.com #money #cash #free #win #crypto
und|neg||attention|@FoodDash 🤢🤮
und|pos|praise|relevant|👏👏👏 @SkyNet
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
