import GalleryCore
import Testing

/// The language of a query as the FLORES-200 code NLLB models get (Immich's table and lookup).
@Suite("FLORES-200 codes of query languages, as Immich looks them up")
struct FloresLanguageTests {
    @Test("the whole tag, then the part before '-', then English")
    func lookup() {
        #expect(FloresLanguage.code(for: "fr") == "fra_Latn")
        #expect(FloresLanguage.code(for: "fr-CA") == "fra_Latn")
        #expect(FloresLanguage.code(for: "pt-BR") == "por_Latn")
        #expect(FloresLanguage.code(for: "zh-TW") == "zho_Hant")
        #expect(FloresLanguage.code(for: "ja") == "jpn_Hira")
        // Not in Immich's table: English, as Immich does (zh-HK's "zh" is not there either).
        #expect(FloresLanguage.code(for: "zh-HK") == "eng_Latn")
        #expect(FloresLanguage.code(for: "gsw") == "eng_Latn")
        // Case-sensitive, as Immich's dictionary lookup is.
        #expect(FloresLanguage.code(for: "FR") == "eng_Latn")
        #expect(FloresLanguage.codes.count == 56)
    }

    @Test("a search's language must look like a language tag")
    func wellFormed() {
        for tag in ["en", "fr-CA", "zh-Hans", "sr-Cyrl", "es-419", "kmr"] { #expect(FloresLanguage.isWellFormed(tag), "\(tag)") }
        for tag in ["", "-", "en-", "e n", "fr_FR", "123", "english-language-tag-that-goes-on-and-on", "ja\u{0}"] {
            #expect(!FloresLanguage.isWellFormed(tag), "\(tag.debugDescription)")
        }
    }
}
