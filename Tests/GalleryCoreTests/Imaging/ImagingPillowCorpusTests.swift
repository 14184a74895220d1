import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Imaging: Pillow's test images")
struct ImagingPillowCorpusTests {
    /// Every file of Pillow's `Tests/images` (valid, broken and hostile ones, in dozens of formats)
    /// goes through inspection and a preview decode: nothing may crash or hang, and files in the
    /// admitted formats mostly decode.
    @Test func wholeFolderIsHandled() throws {
        let root = try Fixtures.url("pillow")
        let enumerator = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]))
        let decoder = PhotoDecoder()
        var decoded = 0, unsupported = 0, refused: [String: Int] = [:]
        var decodedByFormat: [ImageFormat: Int] = [:]
        for case let url as URL in enumerator where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let data = try Data(contentsOf: url)
            do {
                let info = try decoder.inspect(data)
                let preview = try decoder.decodePreview(data, maxSide: 256)
                #expect(max(preview.width, preview.height) <= 256, "\(url.lastPathComponent)")
                decoded += 1
                decodedByFormat[info.format, default: 0] += 1
            } catch .unsupportedFormat {
                unsupported += 1
            } catch {
                refused[String(describing: error).prefix { $0 != ":" }.description, default: 0] += 1
            }
        }
        // Measured: ~690 decoded, ~330 unsupported (other formats), ~70 refused as damaged/too big.
        #expect(decoded > 600)
        #expect(unsupported > 250)
        #expect(refused.values.reduce(0, +) < 120)
        for format in ImageFormat.allCases {
            #expect(decodedByFormat[format, default: 0] > 0, "no \(format) decoded")
        }
    }
}
