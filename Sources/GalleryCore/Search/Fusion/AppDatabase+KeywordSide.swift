extension AppDatabase {
    /// The keyword side of a hybrid search: the plan's words and phrases in the keyword index,
    /// any of them (BM25 ranks the photos matching more, and rarer, words first), each word also
    /// in its singular form ("dogs" finds "dog"), without the words every caption has ("a",
    /// "the", "photo of"). A last word the index does not know is also looked for as the
    /// beginning of longer words, as it may be one typed in part ("sunse" finds "sunset").
    /// `correctTypos`: whether unknown words are corrected when nothing matches (see
    /// ``AppDatabase/rankedKeywordMatches(collectionId:query:filter:limit:correctTypos:)``).
    func keywordHits(
        collectionId: Int64, keywords: QueryPlan.Keywords, filter: ImageFilter, limit: Int, correctTypos: Bool
    ) throws -> KeywordSide {
        var terms = keywords.groups.flatMap { $0 }.flatMap(KeywordVariants.terms)
        if let partial = try partialLastWord(of: keywords) { terms.append(partial) }
        guard !terms.isEmpty else { return KeywordSide(hits: [], expression: nil) }
        let ranking = try rankedKeywordMatches(
            collectionId: collectionId, query: KeywordQuery(clauses: [KeywordClause(terms)]), filter: filter, limit: limit,
            correctTypos: correctTypos)
        return KeywordSide(hits: ranking.matches.map { KeywordHit(imageId: $0.imageId, score: $0.score) }, expression: ranking.expression)
    }

    /// The query's last word as a prefix term, when it is a plain word of at least
    /// ``KeywordVariants/minimumPrefixLength`` letters that no document has whole.
    private func partialLastWord(of keywords: QueryPlan.Keywords) throws -> KeywordTerm? {
        guard let last = keywords.groups.last?.last, !last.isPhrase, KeywordTerm.words(of: last.text).count == 1 else { return nil }
        let word = KeywordSpelling.normalised(last.text)
        guard word.count >= KeywordVariants.minimumPrefixLength, !KeywordVariants.stopWords.contains(word) else { return nil }
        try refreshPendingKeywordDocuments()
        let known = try reader.read { db in try KeywordSpelling.isKnown(word, db) }
        return known ? nil : KeywordTerm(word, prefix: true)
    }

    /// Why each of a page's images matched on the keyword side.
    func matchReasons(_ side: KeywordSide, imageIds: [Int64]) throws -> [Int64: [MatchReason]] {
        guard let expression = side.expression else { return [:] }
        // Fewer matches than the side keeps: the collection has no more than these.
        let few = side.hits.count < SearchLimits.maxKeywordMatches
        return try matchedWords(expression: expression, imageIds: imageIds, fewMatches: few).mapValues { words in
            KeywordField.allCases.compactMap { field in words[field].map { MatchReason(field: field.rawValue, terms: $0) } }
        }
    }
}

/// The keyword side's matches, best first, and the expression that found them.
struct KeywordSide {
    var hits: [KeywordHit]
    var expression: String?
}

/// How the words of a query are looked up on the keyword side.
enum KeywordVariants {
    /// The shortest last word looked for as a word's beginning ("sunse" finds "sunset").
    static let minimumPrefixLength = 3

    /// Words too common to say anything about a photo.
    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "with", "and", "or", "by", "from", "into", "is", "are", "was", "my",
        "me", "some", "this", "that", "these", "those", "it", "its", "photo", "photos", "picture", "pictures", "image", "images",
        "pic", "pics", "show", "find",
    ]

    /// A plan term as keyword terms: a phrase as it is; a word (unless a stop word) with its
    /// singular forms.
    static func terms(_ term: QueryPlan.Term) -> [KeywordTerm] {
        if term.isPhrase { return [KeywordTerm(term.text, phrase: true)] }
        return KeywordTerm.words(of: term.text).map { $0.lowercased() }.filter { !stopWords.contains($0) }.flatMap { word in
            singulars(of: word).map { KeywordTerm($0) }
        }
    }

    /// The word and the singulars it may be the plural of ("puppies": puppies, puppy, puppie).
    static func singulars(of word: String) -> [String] {
        guard word.count >= 4, word.hasSuffix("s"), !word.hasSuffix("ss") else { return [word] }
        var forms = [word, String(word.dropLast())]
        if word.hasSuffix("ies") { forms.append(String(word.dropLast(3)) + "y") }
        if word.hasSuffix("es") { forms.append(String(word.dropLast(2))) }
        return forms
    }

    /// A required or excluded `field:` term (or a plain excluded word) in the fields it names:
    /// `tag:` the model's tags and the user's, `file:` the names, `text:` the photo's text.
    static func fieldTerms(_ term: QueryPlan.Term) -> [KeywordTerm] {
        let fields: [KeywordField?]
        switch term.field {
        case .tag: fields = [.tags, .user]
        case .file: fields = [.names]
        case .text: fields = [.text]
        default: fields = [nil]
        }
        return fields.map { KeywordTerm(term.text, field: $0, phrase: term.isPhrase || term.text.contains(" ")) }
    }
}
