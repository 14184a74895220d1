import GalleryCore
import Testing

@Suite("Query cleaning: conversational filler is not what the user is looking for")
struct QueryCleanerTests {
    @Test(arguments: [
        ("show me pictures of a dog on the beach", "a dog on the beach"),
        ("Can you find me some photos of my cat?", "cat"),
        ("  a   red   car  ", "a red car"),
        ("images of sunsets.", "sunsets"),
        ("photos", "photos"),
        ("show jumping", "show jumping"),
        ("find", "find"),
        ("my my my my cat", "cat"),
        ("Find me?", "Find me?"),
        ("my \u{200B}cat", "cat"),
    ])
    func cleans(query: String, expected: String) {
        #expect(QueryCleaner.clean(query) == expected)
    }
}
