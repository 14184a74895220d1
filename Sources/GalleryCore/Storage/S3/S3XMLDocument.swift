import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The few things Smart Gallery reads from S3's XML answers: the root element's name, its
/// leaf values, and repeated records such as ListObjectsV2's `<Contents>`.
struct S3XMLDocument {
    /// The root element's name (`Error`, `ListBucketResult`, ...).
    private(set) var root = ""
    /// Leaf values directly under the root, by element name.
    private(set) var values: [String: String] = [:]
    /// Elements directly under the root that have children, each as its leaves by name.
    private(set) var records: [String: [[String: String]]] = [:]

    init(data: Data) {
        let reader = Reader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        root = reader.root
        values = reader.values
        records = reader.records
    }

    private final class Reader: NSObject, XMLParserDelegate {
        var root = ""
        var values: [String: String] = [:]
        var records: [String: [[String: String]]] = [:]
        private var path: [String] = []
        private var text = ""
        private var record: [String: String] = [:]

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if path.isEmpty { root = name }
            if path.count == 1 { record = [:] }
            path.append(name)
            text = ""
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch path.count {
            case 2 where record.isEmpty: values[name] = text
            case 2: records[name, default: []].append(record)
            case 3: record[name] = text
            default: break
            }
            path.removeLast()
            text = ""
        }
    }
}
