import Foundation

/// Reads a chat-completions answer into a ``RewrittenQuery``, strictly: the first choice's
/// message must hold one JSON object (optionally in a ```json fence) with only the keys the
/// prompt names, each of the right type and valid as a search filter.
enum RewriteAnswer {
    /// Longest rewritten description accepted (characters).
    static let maxTextLength = 300
    static let keys: Set<String> = ["query", "after", "before", "place", "persons"]

    /// The rewritten query in a chat-completions body.
    /// - Throws: ``RewriteFallback/unusableAnswer(_:)`` saying what is wrong.
    static func parse(_ body: Data) throws(RewriteFallback) -> RewrittenQuery {
        guard let completion = try? JSONDecoder().decode(Completion.self, from: body), let first = completion.choices.first else {
            throw .unusableAnswer("not a chat completion with a choice")
        }
        guard let content = first.message.content else { throw .unusableAnswer("the message has no content") }
        guard let data = unfenced(content).data(using: .utf8),
            let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
        else { throw .unusableAnswer("the message is not one JSON object") }
        let unknown = Set(object.keys).subtracting(keys)
        guard unknown.isEmpty else { throw .unusableAnswer("unknown keys \(unknown.sorted().joined(separator: ", "))") }

        guard let text = (object["query"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty,
            text.count <= maxTextLength
        else { throw .unusableAnswer("'query' must be a text of 1 to \(maxTextLength) characters") }
        var query = RewrittenQuery(text: text)
        query.after = try optionalText(object, "after")
        query.before = try optionalText(object, "before")
        query.place = try optionalText(object, "place")
        if let persons = object["persons"], !(persons is NSNull) {
            guard let names = persons as? [String], names.count <= SearchLimits.maxPersons,
                names.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty && $0.count <= 100 })
            else { throw .unusableAnswer("'persons' must be a list of names") }
            query.persons = names.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        try validate(query)
        return query
    }

    /// Checks the filters as a search would.
    private static func validate(_ query: RewrittenQuery) throws(RewriteFallback) {
        var filters = SearchFilters()
        filters.after = query.after
        filters.before = query.before
        filters.place = query.place
        do {
            let filter = try filters.resolveMetadata()
            if let after = filter.takenAfter, let before = filter.takenBefore, after >= before {
                throw RewriteFallback.unusableAnswer("'after' is not before 'before'")
            }
        } catch let fallback as RewriteFallback {
            throw fallback
        } catch {
            throw .unusableAnswer("\(error)")
        }
    }

    /// A string value, nil when absent or null.
    private static func optionalText(_ object: [String: Any], _ key: String) throws(RewriteFallback) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let text = (value as? String)?.trimmingCharacters(in: .whitespaces), !text.isEmpty, text.count <= 200 else {
            throw .unusableAnswer("'\(key)' must be a short text")
        }
        return text
    }

    /// The text inside a Markdown code fence, or the text itself.
    private static func unfenced(_ content: String) -> String {
        var text = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("```"), text.hasSuffix("```"), text.count >= 6 else { return text }
        text = String(text.dropFirst(3).dropLast(3))
        if text.hasPrefix("json") { text = String(text.dropFirst(4)) }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private struct Completion: Decodable {
        var choices: [Choice]

        struct Choice: Decodable {
            var message: Message
        }

        struct Message: Decodable {
            var content: String?
        }
    }
}
