/// Pairwise precision and recall of a clustering against known identities: over every pair of
/// faces, "same cluster" against "same person". Unclustered faces are singletons.
struct PairwiseScores {
    var precision: Double
    var recall: Double
    var truePairs: Int
    var predictedPairs: Int

    init(identities: [String], clusters: [Int?]) {
        var bothSame = 0
        var predicted = 0
        var actual = 0
        for first in identities.indices {
            for second in identities.indices where second > first {
                let sameCluster = clusters[first] != nil && clusters[first] == clusters[second]
                let samePerson = identities[first] == identities[second]
                if sameCluster { predicted += 1 }
                if samePerson { actual += 1 }
                if sameCluster && samePerson { bothSame += 1 }
            }
        }
        precision = predicted > 0 ? Double(bothSame) / Double(predicted) : 1
        recall = actual > 0 ? Double(bothSame) / Double(actual) : 1
        truePairs = actual
        predictedPairs = predicted
    }
}
