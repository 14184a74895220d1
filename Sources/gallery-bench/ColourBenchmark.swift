import ArgumentParser
import Foundation
import GalleryCore

/// `gallery-bench colours`: dominant colours measured on images whose colours are known (X11's
/// named colours whose name holds one colour word, as solid and as two-tone images, through JPEG
/// like a thumbnail), then real photos drawn in a contact sheet with their palettes to check by eye.
struct ColourBenchmark: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "colours",
        abstract: "Dominant colours: accuracy on known solid and two-tone images, and a contact sheet of real photos.")

    @Option(help: "X11's colour names (Debian x11-common).")
    var names = "/usr/share/X11/rgb.txt"

    @Option(help: "Folders of real photos for the contact sheet (repeatable).")
    var photos: [String] = []

    @Option(help: "Where the contact sheet and its legend are written.")
    var out = ".cache/bench/colours"

    func run() async throws {
        let known = try KnownColour.load(names)
        print("\(known.count) X11 colours whose name holds one colour word")
        var solidRight = 0
        var misses: [String] = []
        var elapsed: [Double] = []
        for colour in known {
            let (palette, seconds) = try Self.palette(of: Self.image(colour.rgb, colour.rgb, split: 1))
            elapsed.append(seconds)
            if palette.swatches.first?.name == colour.name {
                solidRight += 1
            } else {
                misses.append("\(colour.label) -> \(palette.swatches.first?.name.rawValue ?? "none")")
            }
        }
        print(
            String(format: "solid: %d of %d named right (%.1f%%)", solidRight, known.count, 100 * Double(solidRight) / Double(known.count)))
        print("  misses: " + misses.prefix(25).joined(separator: "; "))
        // Two-tone: 60% of one colour, 40% of another of a different word, pairs fixed by index.
        var bothFound = 0
        var shareError = 0.0
        var pairs = 0
        for (index, first) in known.enumerated() {
            let second = known[(index * 7 + 3) % known.count]
            guard second.name != first.name else { continue }
            pairs += 1
            let (palette, seconds) = try Self.palette(of: Self.image(first.rgb, second.rgb, split: 0.6))
            elapsed.append(seconds)
            let shares = Dictionary(palette.namedShares.map { ($0.name, $0.share) }, uniquingKeysWith: +)
            if let a = shares[first.name], let b = shares[second.name] {
                bothFound += 1
                shareError += (abs(a - 0.6) + abs(b - 0.4)) / 2
            }
        }
        print(
            String(
                format: "two-tone (60/40): both colours named in %d of %d (%.1f%%), mean share error %.3f", bothFound, pairs,
                100 * Double(bothFound) / Double(max(pairs, 1)), shareError / Double(max(bothFound, 1))))
        print(String(format: "palette of a 64 px image: median %.2f ms", Self.median(elapsed) * 1000))
        try contactSheet()
    }

    /// A 64x48 image: `first` on the left `split` of its width, `second` on the rest.
    static func image(_ first: [UInt8], _ second: [UInt8], split: Double) -> (rgb: [UInt8], width: Int, height: Int) {
        let width = 64
        let height = 48
        var rgb: [UInt8] = []
        rgb.reserveCapacity(width * height * 3)
        for _ in 0..<height {
            for x in 0..<width { rgb += Double(x) < split * Double(width) ? first : second }
        }
        return (rgb, width, height)
    }

    /// The palette as the index finds it: JPEG-encoded like a thumbnail, decoded, clustered.
    static func palette(of image: (rgb: [UInt8], width: Int, height: Int)) throws -> (ColourPalette, Double) {
        let jpeg = try DecodedImage(rgb: image.rgb, width: image.width, height: image.height).jpegData(quality: 82)
        let start = ContinuousClock.now
        let palette = try ColourPalette(of: try PhotoDecoder().decodePreview(jpeg, maxSide: ColourPalette.sampleSide))
        return (palette, Timing.seconds(ContinuousClock.now - start))
    }

    static func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : Timing.percentile(values, 0.5) }

    /// Real photos in rows of cells: the photo fitted into 200x150 above a bar of its swatches,
    /// each as wide as its share; the legend lists every photo's swatches.
    func contactSheet() throws {
        let files = photos.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted().map { "\(folder)/\($0)" }
        }
        let decoder = PhotoDecoder()
        var cells: [(name: String, image: DecodedImage, palette: ColourPalette)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let preview = try? decoder.decodePreview(data, maxSide: 256)
            else { continue }
            cells.append((URL(fileURLWithPath: file).lastPathComponent, try preview.resized(toFit: 200), try ColourPalette(of: preview)))
        }
        guard !cells.isEmpty else { return print("contact sheet: no photos given (--photos DIR)") }
        let (cellWidth, photoHeight, barHeight, gap, columns) = (200, 150, 24, 8, 6)
        let rows = (cells.count + columns - 1) / columns
        let width = columns * (cellWidth + gap) + gap
        let height = rows * (photoHeight + barHeight + gap) + gap
        var sheet = [UInt8](repeating: 255, count: width * height * 3)
        func paint(_ x: Int, _ y: Int, _ colour: [UInt8]) {
            let offset = (y * width + x) * 3
            sheet[offset] = colour[0]
            sheet[offset + 1] = colour[1]
            sheet[offset + 2] = colour[2]
        }
        var legend: [String] = []
        for (index, cell) in cells.enumerated() {
            let left = gap + (index % columns) * (cellWidth + gap)
            let top = gap + (index / columns) * (photoHeight + barHeight + gap)
            let pixels = try cell.image.rgbBytes()
            let (w, h) = (cell.image.width, min(cell.image.height, photoHeight))
            for y in 0..<h {
                for x in 0..<w { paint(left + x, top + y, Array(pixels[((y * w) + x) * 3..<((y * w) + x) * 3 + 3])) }
            }
            var x = left
            for swatch in cell.palette.swatches {
                let value = UInt32(swatch.hex.dropFirst(), radix: 16) ?? 0
                let colour = [UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
                let end = min(left + cellWidth, x + Int((swatch.share * Double(cellWidth)).rounded()))
                for px in x..<max(x, end) {
                    for y in 0..<barHeight { paint(px, top + photoHeight + y, colour) }
                }
                x = end
            }
            legend.append(
                "\(index + 1)\t\(cell.name)\t"
                    + cell.palette.swatches.map { "\($0.name.rawValue) \($0.hex) \(Int(($0.share * 100).rounded()))%" }.joined(
                        separator: ", "))
        }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let sheetPath = "\(out)/contact-sheet.jpg"
        try DecodedImage(rgb: sheet, width: width, height: height).jpegData(quality: 90).write(to: URL(fileURLWithPath: sheetPath))
        try (legend.joined(separator: "\n") + "\n").write(toFile: "\(out)/contact-sheet.txt", atomically: true, encoding: .utf8)
        print("contact sheet: \(cells.count) real photos in \(sheetPath) (legend: \(out)/contact-sheet.txt, left to right, top to bottom)")
    }
}

/// A colour of X11's `rgb.txt` whose name holds exactly one of the colour words.
struct KnownColour {
    var label: String
    var rgb: [UInt8]
    var name: ColourName

    /// Every such colour, once per value (X11 lists names both spaced and in camel case).
    static func load(_ path: String) throws -> [KnownColour] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var seen = Set<String>()
        var colours: [KnownColour] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("!") {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard fields.count >= 4, let r = UInt8(fields[0]), let g = UInt8(fields[1]), let b = UInt8(fields[2]) else { continue }
            let label = fields[3...].joined(separator: " ")
            // Camel-case duplicates ("DarkSlateBlue") and numbered variants ("blue1") say nothing new.
            guard label.allSatisfy({ $0.isLowercase || $0 == " " }) else { continue }
            let words = Set(label.split(separator: " ").compactMap { ColourName(word: $0) })
            guard words.count == 1, let name = words.first, seen.insert(label).inserted else { continue }
            colours.append(KnownColour(label: label, rgb: [r, g, b], name: name))
        }
        return colours
    }
}
