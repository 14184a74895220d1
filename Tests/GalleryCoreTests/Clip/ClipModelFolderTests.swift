import Foundation
import GalleryCore
import Testing

@Suite("CLIP model folder layout errors")
struct ClipModelFolderTests {
    @Test("missing config.json names the file")
    func missingConfig() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        let file = folder.appendingPathComponent("config.json")
        try FileManager.default.removeItem(at: file)
        #expect(throws: ClipModelError.missingFile(path: file.path)) { try ClipModelFolder(url: folder) }
    }

    @Test("missing textual/tokenizer.json names the file")
    func missingTokenizer() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        let file = folder.appendingPathComponent("textual/tokenizer.json")
        try FileManager.default.removeItem(at: file)
        #expect(throws: ClipModelError.missingFile(path: file.path)) { try ClipModelFolder(url: folder) }
    }

    @Test("missing folder and missing model files are typed errors")
    func missingFiles() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        let absent = directory.url.appendingPathComponent("nothing-here")
        #expect(throws: ClipModelError.folderNotFound(path: absent.path)) { try ClipModelFolder(url: absent) }
        for name in ["visual/preprocess_cfg.json", "visual/model.onnx", "textual/model.onnx", "textual/tokenizer_config.json"] {
            let file = folder.appendingPathComponent(name)
            let saved = try Data(contentsOf: file)
            try FileManager.default.removeItem(at: file)
            #expect(throws: ClipModelError.missingFile(path: file.path)) { try ClipModelFolder(url: folder) }
            try saved.write(to: file)
        }
    }

    @Test("malformed files are invalidFile errors naming the file")
    func malformedFiles() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        let cases: [(String, String)] = [
            ("config.json", "{\"text_cfg\": {}, \"vision_cfg\": {}}"),
            ("config.json", "not json"),
            ("visual/preprocess_cfg.json", "{\"size\": 224, \"mean\": [0.5], \"std\": [0.5]}"),
            ("visual/preprocess_cfg.json", "{\"size\": 224, \"mean\": [0,0,0], \"std\": [1,1,1], \"resize_mode\": \"longest\"}"),
            ("textual/tokenizer_config.json", "{}"),
            ("textual/tokenizer.json", "{\"model\": {\"type\": \"Unigram\", \"vocab\": []}}"),
        ]
        for (name, contents) in cases {
            let file = folder.appendingPathComponent(name)
            let saved = try Data(contentsOf: file)
            try Data(contents.utf8).write(to: file)
            do {
                _ = try ClipModelFolder(url: folder)
                Issue.record("\(name) with \(contents) was accepted")
            } catch {
                guard case .invalidFile(let path, _) = error else {
                    Issue.record("\(name): expected invalidFile, got \(error)")
                    continue
                }
                #expect(path == file.path)
            }
            try saved.write(to: file)
        }
        #expect(throws: Never.self) { try ClipModelFolder(url: folder) }
    }

    @Test("a textual model whose input is not named 'text' is refused, naming file and input")
    func wrongInputName() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        // Swap the two models: textual/model.onnx now has the input "image".
        let textual = folder.appendingPathComponent("textual/model.onnx")
        try FileManager.default.removeItem(at: textual)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("visual/model.onnx"), to: textual)
        #expect(throws: ClipModelError.missingInput(path: textual.path, expected: "text", found: ["image"])) {
            try ClipModel(folder: folder, runtime: try ClipTestFiles.runtime())
        }
    }

    @Test("a visual model whose input is not named 'image' is refused, naming file and input")
    func wrongVisualInputName() throws {
        let (directory, folder) = try ClipTestFiles.copy()
        defer { directory.remove() }
        let visual = folder.appendingPathComponent("visual/model.onnx")
        try FileManager.default.removeItem(at: visual)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("textual/model.onnx"), to: visual)
        #expect(throws: ClipModelError.missingInput(path: visual.path, expected: "image", found: ["text"])) {
            try ClipModel(folder: folder, runtime: try ClipTestFiles.runtime())
        }
    }
}
