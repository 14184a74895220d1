import Testing

@testable import GalleryCore

@Suite("Keywords: file and folder names as words")
struct KeywordNameWordsTests {
    @Test(arguments: [
        ("IMG_2019-07-14_beachParty.jpg", ["img", "2019", "07", "14", "beach", "party"]),
        ("DSC01234.JPG", ["dsc", "01234"]),
        ("HTMLFileExport.png", ["html", "file", "export"]),
        ("summer holiday (2).heic", ["summer", "holiday", "2"]),
        ("Zürich_Fraumünster.jpeg", ["zürich", "fraumünster"]),
        ("noextension", ["noextension"]),
        ("___.jpg", []),
    ])
    func splitsFileNames(name: String, words: [String]) {
        #expect(NameWords.words(ofFileName: name) == words)
    }

    @Test func pathsGiveTheNearestFoldersThenTheFile() {
        let words = NameWords.words(ofPath: "/home/anna/Pictures/2019/Spain Trip/IMG_1.jpg")
        #expect(words == ["pictures", "2019", "spain", "trip", "img", "1"])
    }
}
