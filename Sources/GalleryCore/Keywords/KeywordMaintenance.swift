import Foundation
import Logging

/// What an index run does for the keyword side once its files are in: installs the tag words
/// of the model files (when they changed), reads the captions of photos indexed before captions
/// were read, and rebuilds the pending keyword documents.
public struct KeywordMaintenance: Sendable {
    public let catalog: AppDatabase
    /// The folder of `tag-words.json` (`<GALLERY_HOME>/models/tag-words`).
    public let tagWordsFolder: URL
    public let logger: Logger

    public init(catalog: AppDatabase, tagWordsFolder: URL, logger: Logger) {
        self.catalog = catalog
        self.tagWordsFolder = tagWordsFolder
        self.logger = logger
    }

    /// The tag-words folder of a data folder.
    public static func tagWordsFolder(home: URL) -> URL {
        home.appendingPathComponent("models").appendingPathComponent("tag-words")
    }

    /// Runs the three steps for one collection.
    public func run(collectionId: Int64, decoder: PhotoDecoder) throws {
        try installTagWords()
        let read = try CaptionBackfill(catalog: catalog, decoder: decoder).run(collectionId: collectionId)
        let rebuilt = try catalog.refreshKeywordIndex()
        if read > 0 || rebuilt > 0 {
            logger.info("keyword index refreshed", metadata: ["keywords.captionsRead": "\(read)", "keywords.documents": "\(rebuilt)"])
        }
    }

    /// Installs the tag words of the data folder when they changed (the server does it at start,
    /// so photos uploaded before any folder run get their tags' words too); a damaged file is a
    /// warning.
    public func installTagWords() throws {
        guard FileManager.default.fileExists(atPath: tagWordsFolder.appendingPathComponent(TagWords.fileName).path) else { return }
        do {
            if try catalog.installTagWords(TagWords.load(from: tagWordsFolder)) {
                logger.info("tag words installed", metadata: ["keywords.tagWords": "\(tagWordsFolder.path)"])
            }
        } catch let error as ModelError {
            logger.warning("tag words not installed", metadata: ["keywords.problem": "\(error)"])
        }
    }
}
