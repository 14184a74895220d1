/// The FLORES-200 language code NLLB's text tower expects in front of a query, from the language
/// a search names (`en`, `fr`, `pt-BR`, a browser's `navigator.language`), as Immich's
/// `textual.py` does with its `WEBLATE_TO_FLORES200` table (`immich_ml/models/constants.py`).
///
/// The whole tag is looked up first, then its part before the first `-` (`fr-CA` finds `fr`); a
/// language the table does not name gets English (`eng_Latn`), as in Immich.
///
/// ```swift
/// FloresLanguage.code(for: "fr-CA")  // "fra_Latn"
/// FloresLanguage.code(for: "gsw")    // "eng_Latn" (not in the table)
/// ```
public enum FloresLanguage {
    /// What a language without a code of its own gets.
    public static let fallback = "eng_Latn"

    /// Immich's table (the languages of its web UI): tag -> FLORES-200 code.
    public static let codes: [String: String] = [
        "af": "afr_Latn", "ar": "arb_Arab", "az": "azj_Latn", "be": "bel_Cyrl", "bg": "bul_Cyrl", "ca": "cat_Latn",
        "cs": "ces_Latn", "da": "dan_Latn", "de": "deu_Latn", "el": "ell_Grek", "en": "eng_Latn", "es": "spa_Latn",
        "et": "est_Latn", "fa": "pes_Arab", "fi": "fin_Latn", "fr": "fra_Latn", "he": "heb_Hebr", "hi": "hin_Deva",
        "hr": "hrv_Latn", "hu": "hun_Latn", "hy": "hye_Armn", "id": "ind_Latn", "it": "ita_Latn", "ja": "jpn_Hira",
        "kmr": "kmr_Latn", "ko": "kor_Hang", "lb": "ltz_Latn", "lt": "lit_Latn", "lv": "lav_Latn", "mfa": "zsm_Latn",
        "mk": "mkd_Cyrl", "mn": "khk_Cyrl", "mr": "mar_Deva", "ms": "zsm_Latn", "nb-NO": "nob_Latn", "nn": "nno_Latn",
        "nl": "nld_Latn", "pl": "pol_Latn", "pt-BR": "por_Latn", "pt": "por_Latn", "ro": "ron_Latn", "ru": "rus_Cyrl",
        "sk": "slk_Latn", "sl": "slv_Latn", "sr-Cyrl": "srp_Cyrl", "sv": "swe_Latn", "ta": "tam_Taml", "te": "tel_Telu",
        "th": "tha_Thai", "tr": "tur_Latn", "uk": "ukr_Cyrl", "ur": "urd_Arab", "vi": "vie_Latn", "zh-CN": "zho_Hans",
        "zh-Hans": "zho_Hans", "zh-TW": "zho_Hant",
    ]

    /// The code for `language` (exact tag, then the tag before its first `-`, then ``fallback``;
    /// case-sensitive, as Immich's lookup is).
    public static func code(for language: String) -> String {
        if let code = codes[language] { return code }
        let base = language.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? language
        return codes[base] ?? fallback
    }

    /// Whether `language` looks like a language tag (letters, then `-`-separated letters and
    /// digits; at most 35 characters), which a search's `language` must be.
    public static func isWellFormed(_ language: String) -> Bool {
        let parts = language.split(separator: "-", omittingEmptySubsequences: false)
        guard language.utf8.count <= 35, let first = parts.first, (1...8).contains(first.utf8.count),
            first.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.utf8.count)
                && part.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) }
        }
    }
}
