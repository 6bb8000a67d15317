/// The top-level domains a bare domain or a link host must end with to count as a link, as twitter-text's
/// `tld_lib.yml` lists them (twitter/twitter-text, conformance/tld_lib.yml): every country code (ASCII and
/// internationalised) and the generic domains seen in practice. The generic list is a curated subset of
/// twitter-text's ~1,500 entries: a rare new gTLD (say `.bostik`) is counted as text, which over-counts a post
/// (never lets a too-long one through on X, where links are discounts).
enum TopLevelDomains {
    /// Country-code TLDs (twitter-text's `country` list).
    static let country: Set<String> = {
        let ascii = """
            ac ad ae af ag ai al am an ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bl bm bn bo bq br bs bt \
            bv bw by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es \
            et eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie \
            il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma \
            mc md me mf mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om \
            pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr \
            ss st su sv sx sy sz tc td tf tg th tj tk tl tm tn to tp tr tt tv tw tz ua ug uk um us uy uz va vc ve vg \
            vi vn vu wf ws ye yt za zm zw
            """
        let idn = [
            "한국", "香港", "澳門", "新加坡", "台灣", "台湾", "中國", "中国", "გე", "ไทย", "ලංකා", "ഭാരതം", "ಭಾರತ",
            "భారత్", "சிங்கப்பூர்", "இலங்கை", "இந்தியா", "ଭାରତ", "ભારત", "ਭਾਰਤ", "ভাৰত", "ভারত", "বাংলা", "भारत",
            "پاکستان", "مليسيا", "مصر", "قطر", "فلسطين", "عمان", "عراق", "سورية", "سودان", "تونس", "بھارت", "ایران",
            "امارات", "المغرب", "السعودية", "الجزائر", "الاردن", "հայ", "қаз", "укр", "срб", "рф", "мон", "мкд", "ею",
            "бел", "бг", "ελ",
        ]
        return Set(ascii.split(separator: " ").map(String.init)).union(idn)
    }()

    /// Generic TLDs: the historic ones and the new ones brands and link shorteners actually use.
    static let generic: Set<String> = {
        let ascii = """
            com net org edu gov mil int info biz name pro aero asia cat coop jobs mobi museum tel travel xxx arpa \
            app dev page blog shop store online site website tech space live news media social club cloud digital \
            agency studio design art global world network link click today top xyz io ai one group company business \
            services solutions email support help guide wiki fyi icu vip win bid trade work works team center city \
            london paris berlin nyc tokyo amsterdam brussels wien sydney melbourne africa capetown \
            bank money finance financial capital fund insurance law legal consulting marketing events games game \
            video music film movie photo photos pics gallery style fashion beauty health care dental clinic \
            education academy school university college science systems software computer technology data host \
            hosting domains download green eco energy solar garden house homes estate realty land farm \
            restaurant cafe bar pizza wine beer coffee kitchen food recipes fitness yoga golf football soccer \
            tennis bike cars auto autos taxi travel tours flights hotel hotels vacations cruises \
            love life family baby kids dog pet pets lgbt party wedding gift gifts sale deals shopping market \
            markets exchange trading press report review reviews expert tips chat forum community foundation \
            charity church ngo ong org gives giving youtube google amazon apple microsoft windows xbox \
            zone plus now new best cool fun lol wtf rocks ninja guru moe onion mov zip
            """
        let idn = [
            "닷컴", "닷넷", "公司", "网络", "网站", "在线", "中文网", "みんな", "コム", "ком", "орг", "сайт", "онлайн",
            "рус", "москва", "كوم", "موقع", "شبكة", "קום", "कॉम", "नेट", "คอม",
        ]
        return Set(ascii.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)).union(idn)
    }()

    /// Country codes that twitter-text accepts as a bare two-part domain (`t.co`, `foo.tv`): any other
    /// `label.cc` without a path is too likely to be a sentence (`e.g. foo.de`) to be a link.
    static let specialShortCountry: Set<String> = ["co", "tv"]

    /// The longest TLD in either list, in Unicode scalars: bounds the look-up at each label.
    static let longest: Int = country.union(generic).map(\.unicodeScalars.count).max() ?? 24

    /// Whether `tld` (already lower-cased) is a known TLD.
    static func contains(_ tld: String) -> Bool {
        country.contains(tld) || generic.contains(tld) || isPunycode(tld)
    }

    /// twitter-text's `validPunycode`: an `xn--` TLD counts whatever it is.
    static func isPunycode(_ tld: String) -> Bool {
        tld.hasPrefix("xn--") && tld.count > 4
            && tld.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }
}
