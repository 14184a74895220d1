import Foundation
import GalleryTestSupport
import Testing

@testable import GalleryCore

@Suite("Inference: sessions and runs")
struct InferenceSessionTests {
    private func linearSession(threads: Int = 1) throws -> OnnxSession {
        try OnnxSession(
            runtime: InferenceFixtures.runtime(), modelPath: InferenceFixtures.model("linear"),
            options: .init(intraOpThreads: threads))
    }

    @Test func readsInputAndOutputMetadata() throws {
        let session = try linearSession()
        #expect(session.inputs == [TensorInfo(name: "X", elementType: .float32, shape: [-1, 4])])
        #expect(session.outputs == [TensorInfo(name: "Y", elementType: .float32, shape: [-1, 3])])
        let cast = try OnnxSession(runtime: InferenceFixtures.runtime(), modelPath: InferenceFixtures.model("cast"))
        #expect(cast.inputs.map(\.elementType) == [.int64, .int32])
        #expect(cast.outputs.map(\.name) == ["ids_float", "mask_int64"])
        #expect(cast.outputs.map(\.shape) == [[-1, -1], [-1, -1]])
    }

    @Test func runsWithKnownValues() throws {
        let session = try linearSession()
        let x: [Float] = [1, 2, 3, 4]
        let y = try session.run(["X": Tensor(float32: x, shape: [1, 4])], outputNames: ["Y"])
        let output = try #require(y["Y"])
        #expect(output.shape == [1, 3])
        let values = try #require(output.floats)
        // By hand: W columns dot [1,2,3,4] = 7.0, 8.0, 9.0; plus B.
        for (value, expected) in zip(values, [Float(7.5), 7, 11]) { #expect(abs(value - expected) <= 1e-6) }
    }

    @Test func runsABatch() throws {
        let session = try linearSession()
        let rows = 17
        let x = (0..<rows * 4).map { Float($0) * 0.25 - 3 }
        let y = try session.run(["X": Tensor(float32: x, shape: [rows, 4])])
        let output = try #require(y["Y"])
        #expect(output.shape == [rows, 3])
        let expected = InferenceFixtures.linear(x)
        let values = try #require(output.floats)
        #expect(values.count == expected.count)
        #expect(zip(values, expected).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($1)) })
    }

    @Test func runsIntegerInputsAndOutputs() throws {
        let session = try OnnxSession(runtime: InferenceFixtures.runtime(), modelPath: InferenceFixtures.model("cast"))
        let ids: [Int64] = [101, 2023, 102, 0, 101, 7592, 2088, 102]
        let mask: [Int32] = [1, 1, 1, 0, 1, 1, 1, 1]
        let outputs = try session.run(
            ["ids": Tensor(int64: ids, shape: [2, 4]), "mask": Tensor(int32: mask, shape: [2, 4])], outputNames: [])
        #expect(outputs["ids_float"] == Tensor(float32: ids.map { Float($0) }, shape: [2, 4]))
        #expect(outputs["mask_int64"] == Tensor(int64: mask.map { Int64($0) }, shape: [2, 4]))
        let onlyMask = try session.run(
            ["ids": Tensor(int64: [1], shape: [1, 1]), "mask": Tensor(int32: [7], shape: [1, 1])],
            outputNames: ["mask_int64"])
        #expect(Array(onlyMask.keys) == ["mask_int64"])
        #expect(onlyMask["mask_int64"]?.int64s == [7])
    }

    @Test func emptyBatchGivesEmptyOutput() throws {
        let y = try linearSession().run(["X": Tensor(float32: [], shape: [0, 4])])
        #expect(y["Y"] == Tensor(float32: [], shape: [0, 3]))
    }

    @Test func wrongInputNameIsUnknownInput() throws {
        let session = try linearSession()
        #expect(throws: InferenceError.unknownInput(name: "x", known: ["X"])) {
            try session.run(["x": Tensor(float32: [1, 2, 3, 4], shape: [1, 4])])
        }
    }

    @Test func wrongOutputNameIsUnknownOutput() throws {
        let session = try linearSession()
        #expect(throws: InferenceError.unknownOutput(name: "Z", known: ["Y"])) {
            try session.run(["X": Tensor(float32: [1, 2, 3, 4], shape: [1, 4])], outputNames: ["Z"])
        }
    }

    @Test func badTensorsAreShapeMismatches() throws {
        let session = try linearSession()
        func mismatch(_ tensor: Tensor, _ fragment: String) {
            #expect {
                try session.run(["X": tensor])
            } throws: { error in
                guard case .shapeMismatch(let input, let message) = error as? InferenceError else { return false }
                return input == "X" && message.contains(fragment)
            }
        }
        mismatch(Tensor(float32: [1, 2, 3], shape: [1, 4]), "holds 4 elements, got 3")
        mismatch(Tensor(float32: [1, 2, 3, 4, 5, 6, 7, 8, 9], shape: [1, 4]), "holds 4 elements, got 9")
        mismatch(Tensor(float32: [1, 2, 3], shape: [1, 3]), "dimension 1 is 3, the model expects 4")
        mismatch(Tensor(float32: [1, 2, 3, 4], shape: [4]), "rank 2")
        mismatch(Tensor(int64: [1, 2, 3, 4], shape: [1, 4]), "expects float32, got int64")
        #expect(throws: InferenceError.shapeMismatch(input: "X", message: "the model needs this input, but none was given")) {
            try session.run([:])
        }
    }

    @Test func missingModelIsModelNotFound() throws {
        let path = "/nonexistent/model.onnx"
        #expect(throws: InferenceError.modelNotFound(path: path)) {
            try OnnxSession(runtime: InferenceFixtures.runtime(), modelPath: path)
        }
    }

    @Test func fileThatIsNotAModelIsInvalidModel() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("model.onnx")
        try Data("this is not a protobuf".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            try OnnxSession(runtime: InferenceFixtures.runtime(), modelPath: path)
        } throws: { error in
            guard case .invalidModel(let failedPath, let message) = error as? InferenceError else { return false }
            return failedPath == path && message.contains("Protobuf parsing failed")
        }
    }

    @Test func concurrentRunsGiveCorrectAnswers() async throws {
        let session = try linearSession(threads: 1)
        try await withThrowingTaskGroup(of: Bool.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for iteration in 0..<200 {
                        let rows = 1 + (task + iteration) % 5
                        let x = (0..<rows * 4).map { Float(task * 1000 + iteration + $0) / 7 }
                        let y = try session.run(["X": Tensor(float32: x, shape: [rows, 4])])["Y"]?.floats ?? []
                        let expected = InferenceFixtures.linear(x)
                        guard y.count == expected.count,
                            zip(y, expected).allSatisfy({ abs($0 - $1) <= 1e-4 * max(1, abs($1)) })
                        else { return false }
                    }
                    return true
                }
            }
            for try await correct in group { #expect(correct) }
        }
    }

    @Test func measuresLoadAndRunOverhead() throws {
        let clock = ContinuousClock()
        let model = try InferenceFixtures.model("linear")
        let runtime = try InferenceFixtures.runtime()
        let loadStart = clock.now
        let session = try OnnxSession(runtime: runtime, modelPath: model)
        let load = clock.now - loadStart
        let input = ["X": Tensor(float32: [1, 2, 3, 4], shape: [1, 4])]
        let first = try #require(try session.run(input)["Y"]?.floats)
        let runs = 2_000
        var differing = 0
        let runStart = clock.now
        for _ in 0..<runs where try session.run(input)["Y"]?.floats != first { differing += 1 }
        #expect(differing == 0, "every run of the same input gives the same output")
        let perRun = (clock.now - runStart) / runs
        // Printed, not asserted: timings belong in benchmarks (this machine is shared).
        print("inference timing: session load \(load), run overhead \(perRun) per run (tiny model)")
    }
}
