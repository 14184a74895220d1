import Foundation
import Testing

@testable import GalleryCore

@Suite("Dominant colours: OKLab, k-means palettes, colour words, the colour filter")
struct ColourPaletteTests {
    /// Pixels of `colours`, each over its share of a 64x48 image (left to right), through JPEG
    /// and back like a thumbnail.
    static func palette(_ colours: [(hex: String, share: Double)]) throws -> ColourPalette {
        let width = 64
        let height = 48
        var columns: [[UInt8]] = []
        for (hex, share) in colours {
            let value = UInt32(hex.dropFirst(), radix: 16)!
            let pixel = [UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
            columns += Array(repeating: pixel, count: Int((share * Double(width)).rounded()))
        }
        var rgb: [UInt8] = []
        for _ in 0..<height { for x in 0..<width { rgb += columns[min(x, columns.count - 1)] } }
        let jpeg = try DecodedImage(rgb: rgb, width: width, height: height).jpegData(quality: 82)
        return try ColourPalette(of: try PhotoDecoder().decodePreview(jpeg, maxSide: ColourPalette.sampleSide))
    }

    @Test func okLabMatchesTheReferenceValues() {
        // Björn Ottosson's published values for sRGB white, red and blue.
        let white = OKLab(red: 255, green: 255, blue: 255)
        #expect(abs(white.l - 1) < 1e-3 && white.chroma < 1e-3)
        let red = OKLab(red: 255, green: 0, blue: 0)
        #expect(abs(red.l - 0.628) < 1e-3 && abs(red.a - 0.225) < 1e-3 && abs(red.b - 0.126) < 1e-3)
        let blue = OKLab(red: 0, green: 0, blue: 255)
        #expect(abs(blue.l - 0.452) < 1e-3 && abs(blue.b + 0.312) < 1e-3)
        #expect(OKLab(hex: "#4682b4")?.hex == "#4682b4")
        #expect(OKLab(hex: "blue") == nil)
    }

    @Test(arguments: [
        ("#d01c1c", ColourName.red), ("#8b0000", .red), ("#ff8c00", .orange), ("#ffd700", .yellow), ("#228b22", .green),
        ("#90ee90", .green), ("#008080", .teal), ("#40e0d0", .teal), ("#000080", .blue), ("#87ceeb", .blue),
        ("#4682b4", .blue), ("#800080", .purple), ("#ff69b4", .pink), ("#ffc0cb", .pink), ("#8b4513", .brown),
        ("#6f4e37", .brown), ("#a0522d", .brown), ("#0a0a0a", .black), ("#808080", .grey), ("#f8f8f8", .white),
    ])
    func aSolidImageIsItsColour(_ hex: String, _ name: ColourName) throws {
        let palette = try Self.palette([(hex, 1)])
        #expect(palette.swatches.count == 1, "\(palette.swatches)")
        #expect(palette.swatches.first?.name == name, "\(hex): \(palette.swatches)")
        #expect(abs((palette.swatches.first?.share ?? 0) - 1) < 0.01)
    }

    @Test func aTwoToneImageHasBothColoursInTheirShares() throws {
        let palette = try Self.palette([("#1e50c8", 0.7), ("#f0c814", 0.3)])
        let shares = Dictionary(uniqueKeysWithValues: palette.namedShares.map { ($0.name, $0.share) })
        #expect(abs((shares[.blue] ?? 0) - 0.7) < 0.06, "\(palette.swatches)")
        #expect(abs((shares[.yellow] ?? 0) - 0.3) < 0.06, "\(palette.swatches)")
        #expect(palette.namedShares.first?.name == .blue)
        // The same pixels give the same palette on every run.
        #expect(try Self.palette([("#1e50c8", 0.7), ("#f0c814", 0.3)]) == palette)
    }

    @Test func colourWordsInPlainQueries() {
        #expect(ColourWords.find(in: "beach photos mostly blue")?.filter == ColourFilter(name: .blue, dominant: true))
        #expect(ColourWords.find(in: "beach photos mostly blue")?.phrase == "mostly blue")
        #expect(ColourWords.find(in: "images with red tones")?.filter == ColourFilter(name: .red))
        #expect(ColourWords.find(in: "a forest dominated by green")?.phrase == "dominated by green")
        #expect(ColourWords.find(in: "predominantly GRAY hues")?.filter == ColourFilter(name: .grey, dominant: true))
        #expect(ColourWords.find(in: "a blue car") == nil)
        #expect(ColourWords.find(in: "mostly sunny") == nil)
    }

    @Test func theColourFilterParsesWordsAndSaysWhichItKnows() throws {
        #expect(try ColourFilter.parse("blue, mostly Green") == [ColourFilter(name: .blue), ColourFilter(name: .green, dominant: true)])
        #expect(try ColourFilter.parse("cyan") == [ColourFilter(name: .teal)])
        for bad in ["bleu", "mostly", "very blue", "blue green"] {
            #expect {
                try ColourFilter.parse(bad)
            } throws: { error in
                "\(error)".contains("unknown colour") && "\(error)".contains("red, orange, yellow")
            }
        }
    }
}
