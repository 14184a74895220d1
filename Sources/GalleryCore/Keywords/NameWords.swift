import Foundation

/// Splits file and folder names into words for the keyword index: on separators (anything that
/// is not a letter or a digit), between letters and digits, and at camelCase boundaries; numbers
/// are kept.
///
/// ```swift
/// NameWords.words(ofFileName: "IMG_2019-07-14_beachParty.jpg")  // ["img", "2019", "07", "14", "beach", "party"]
/// ```
public enum NameWords {
    /// How many folders above the file are indexed (the nearest ones: "2019/Spain/IMG_1.jpg").
    public static let folderDepth = 3

    /// The words of a file name, its extension left out.
    public static func words(ofFileName name: String) -> [String] {
        let stem = (name as NSString).deletingPathExtension
        return split(stem.isEmpty ? name : stem)
    }

    /// The words of a path's file name and its nearest ``folderDepth`` folders, folders first.
    public static func words(ofPath path: String) -> [String] {
        let components = path.split(separator: "/").map(String.init)
        guard let file = components.last else { return [] }
        let folders = components.dropLast().suffix(folderDepth)
        return folders.flatMap(split) + words(ofFileName: file)
    }

    /// Splits a name into lower-case words.
    public static func split(_ name: String) -> [String] {
        var words: [String] = []
        var current: [Character] = []
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current.removeAll()
        }
        let characters = Array(name)
        for (index, character) in characters.enumerated() {
            guard character.isLetter || character.isNumber else {
                flush()
                continue
            }
            if let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let kindChanges = previous.isNumber != character.isNumber
                // "beachParty" -> beach|Party; "HTMLFile" -> HTML|File (an upper-case run ends
                // before the upper-case letter that starts a lower-case word).
                let lowerToUpper = previous.isLowercase && character.isUppercase
                let acronymEnd =
                    previous.isUppercase && character.isUppercase && next.map { $0.isLowercase } == true
                if kindChanges || lowerToUpper || acronymEnd { flush() }
            }
            current.append(character)
        }
        flush()
        return words
    }
}
