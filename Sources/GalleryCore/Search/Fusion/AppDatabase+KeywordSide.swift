extension AppDatabase {
    /// The keyword side of a hybrid search: the plan's words and phrases in the keyword index.
    func keywordHits(collectionId: Int64, keywords: QueryPlan.Keywords, filter: ImageFilter, limit: Int) throws -> [KeywordHit] {
        []  // INTERIM until the keyword index lands
    }
}
