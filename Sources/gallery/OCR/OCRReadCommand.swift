import ArgumentParser
import Foundation
import GalleryCore

/// `gallery ocr read FILE...`: OCR without a catalogue (for benchmarks and checks).
struct OCRReadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Read the text in image files without a catalogue, decoded as indexing decodes them.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Image files.")
    var files: [String]

    @Option(help: "The OCR models folder (default: ocr.models, else <home>/models/ocr), e.g. a PP-OCRv6 variant's folder.")
    var models: String?

    @Option(help: "Intra-op threads per model run (default 1, as each indexing worker runs).")
    var threads = 1

    @Flag(
        help: "Print one JSON object per file and line: {\"path\", \"model\", \"text\", \"lines\", \"timings\"} or {\"path\", \"error\"}.")
    var json = false

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one image file") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be 1 to 64") }
    }

    func run() async throws {
        LoggingBootstrap.run(level: global.logLevel)
        var configuration = try ConfigurationLoader().load(home: global.home)
        if let models { configuration.ocr.modelsFolder = URL(fileURLWithPath: models).standardizedFileURL }
        try ConfigurationLoader.validate(configuration)
        let recognizer = try TextRecognizer.load(configuration: configuration, threads: threads)
        var failed = 0
        for file in files {
            do {
                let report = PhotoTextReport(path: file, recognized: try recognizer.recognize(file: file, configuration: configuration))
                if json {
                    try Self.jsonLine(report)
                } else {
                    Output.line(
                        "\(file)\t\(report.lines.count) lines\t"
                            + String(
                                format: "detection %.0f ms, recognition %.0f ms", report.timings!.detectionMilliseconds,
                                report.timings!.recognitionMilliseconds))
                    for line in report.lines { Output.line(Self.describe(line)) }
                }
            } catch {
                failed += 1
                if json {
                    try Self.jsonLine(["path": file, "error": "\(error)"])
                } else {
                    FileHandle.standardError.write(Data("error: \(file): \(error)\n".utf8))
                }
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A line as the text outputs print it: confidence, box corners, text.
    static func describe(_ line: RecognizedLine) -> String {
        let box = line.box.map { String(format: "%.3f,%.3f", $0.x, $0.y) }.joined(separator: " ")
        return String(format: "  %.2f", line.confidence) + "\t\(box)\t\(line.text)"
    }

    /// One compact JSON object on its own line.
    private static func jsonLine(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(value)
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
