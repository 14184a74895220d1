import Foundation
import GalleryCore

/// Shows indexing progress: a redrawn bar on a terminal, a log line every few seconds
/// otherwise (pipes, CI logs).
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal = isatty(STDERR_FILENO) == 1
    private var lastDraw = ContinuousClock.now - .seconds(10)
    private var drewBar = false
    private var stage = IndexProgress.Stage.files

    /// Updates the display; cheap enough to call for every file.
    func update(_ progress: IndexProgress) {
        lock.withLock {
            if progress.stage != stage {
                // A new stage starts a new line.
                if drewBar { write("\n") }
                drewBar = false
                stage = progress.stage
                lastDraw = ContinuousClock.now - .seconds(10)
            }
            let now = ContinuousClock.now
            let finished = progress.done == progress.total
            let interval: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
            guard finished || now - lastDraw >= interval else { return }
            lastDraw = now
            if isTerminal {
                drawBar(progress)
            } else if progress.total > 0 {
                let (what, unit) =
                    switch progress.stage {
                    case .faces: ("photos scanned for faces", "photos")
                    case .text: ("photos scanned for text", "photos")
                    default: ("files", "files")
                    }
                write(
                    "progress \(progress.done)/\(progress.total) \(what), \(String(format: "%.1f", progress.rate)) \(unit)/s, \(progress.failed) errors\n"
                )
            }
        }
    }

    /// Ends the bar's line.
    func finish() {
        lock.withLock {
            if drewBar { write("\n") }
            drewBar = false
        }
    }

    private func drawBar(_ progress: IndexProgress) {
        let width = 30
        let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let eta = progress.remaining.map { "ETA \(Formatting.duration($0))" } ?? "ETA --:--"
        let label = progress.stage == .faces ? "faces " : progress.stage == .text ? "text " : ""
        write(
            "\r\(label)[\(bar)] \(progress.done)/\(progress.total)  \(String(format: "%.1f", progress.rate)) img/s  \(eta)  errors \(progress.failed)\u{1B}[K"
        )
        drewBar = true
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
