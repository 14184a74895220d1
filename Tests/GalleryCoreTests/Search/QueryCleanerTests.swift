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

    /// What a CLIP-family model is given: Immich's text, apart from what a conversation adds.
    @Test(arguments: [
        ("show me pictures of dogs on the beach", "pictures of dogs on the beach"),
        ("a photo of a dog.", "a photo of a dog."),
        ("Can you please find a red car?", "a red car?"),
        ("  a   red   car  ", "a red car"),
        ("some photos of my cat", "some photos of my cat"),
        ("show me", "show me"),
        ("show jumping", "show jumping"),
    ])
    func keepsThePromptForCLIP(query: String, expected: String) {
        #expect(QueryCleaner.clean(query, style: .conversational) == expected)
    }
}
