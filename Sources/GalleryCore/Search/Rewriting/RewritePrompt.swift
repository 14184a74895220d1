import Foundation

/// The chat-completions request a rewrite sends: a system prompt asking for one JSON object,
/// and the user's query.
struct RewritePrompt: Encodable {
    var model: String
    var messages: [Message]
    var temperature = 0.0
    var maxTokens = 200

    struct Message: Encodable {
        var role: String
        var content: String
    }

    enum CodingKeys: String, CodingKey {
        case model, messages, temperature
        case maxTokens = "max_tokens"
    }

    init(model: String, query: String, today: Date) {
        self.model = model
        let day = today.formatted(.iso8601.year().month().day())
        messages = [
            Message(role: "system", content: Self.instructions + "\nToday is \(day)."),
            Message(role: "user", content: query),
        ]
    }

    static let instructions = """
        You rewrite search queries for a personal photo library. Answer with exactly one JSON object \
        and nothing else, with these keys:
        "query" (required): a short English description of what the photos show, as a caption would say it, \
        for an image-text model; at most 12 words; no dates, place names or person names.
        "after", "before" (optional): when the user gives a time, its start and its end (exclusive) as \
        YYYY, YYYY-MM or YYYY-MM-DD.
        "place" (optional): a town, region or country the user names, in English.
        "persons" (optional): the names of people the user names, as a list of strings.
        Leave out every optional key the query does not need.
        Example: "pictures of Anna skiing in Austria last winter" -> \
        {"query": "a person skiing on a snowy slope", "after": "2025-12", "before": "2026-03", \
        "place": "Austria", "persons": ["Anna"]}
        """
}
