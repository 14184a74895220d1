/// File names for exported photos, each used once: a clash (two `IMG_0001.jpg` from different
/// folders) gets a number, `IMG_0001 (2).jpg`. Names are compared ignoring case, so an export
/// to a case-insensitive disk or a zip opened on one loses nothing either.
public struct ExportNames: Sendable {
    private var used: Set<String> = []
    /// The next number to try per name, so a thousand clashes of one name cost a thousand steps.
    private var next: [String: Int] = [:]

    public init() {}

    /// A free name for a photo whose file is at `path`.
    public mutating func name(for path: String) -> String {
        var base = String(path.split(separator: "/").last ?? "photo")
        if base.isEmpty || base == "." || base == ".." { base = "photo" }
        let dot = base.lastIndex(of: ".").flatMap { $0 == base.startIndex ? nil : $0 }
        let stem = dot.map { String(base[..<$0]) } ?? base
        let suffix = dot.map { String(base[$0...]) } ?? ""
        var candidate = base
        var number = next[base.lowercased(), default: 2]
        while !used.insert(candidate.lowercased()).inserted {
            candidate = "\(stem) (\(number))\(suffix)"
            number += 1
        }
        next[base.lowercased()] = number
        return candidate
    }
}
