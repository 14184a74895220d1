import Foundation
import GalleryCore
import GalleryTestSupport
import Testing

@Suite("AWS Signature V4: the signer's Authorization headers equal botocore's")
struct SigV4SignerTests {
    /// One request to sign, as the reference script reads it.
    struct Case: Encodable {
        var method: String
        var scheme = "https"
        var host: String
        var path: String
        var query: [[String]] = []
        var headers: [[String]] = []
        var body: String? = ""
        var unsigned = false
        var time: String
        var accessKey = "AKIAIOSFODNN7EXAMPLE"
        var secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
        var token: String?
        var region = "us-east-1"

        enum CodingKeys: String, CodingKey {
            case method, scheme, host, path, query, headers, body, unsigned, time, token, region
            case accessKey = "access_key"
            case secretKey = "secret_key"
        }

        var request: SigV4Request {
            SigV4Request(
                method: method, host: host, path: path, query: query.map { ($0[0], $0[1]) }, headers: headers.map { ($0[0], $0[1]) },
                payload: unsigned ? .unsigned : .sha256(SigV4Signer.payloadHash(Data((body ?? "").utf8))))
        }

        var date: Date {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
            return formatter.date(from: time)!
        }

        func signed() -> [String: String] {
            let signer = SigV4Signer(
                credentials: S3Credentials(accessKeyId: accessKey, secretAccessKey: secretKey, sessionToken: token), region: region)
            return Dictionary(uniqueKeysWithValues: signer.signedHeaders(for: request, at: date).map { ($0.name, $0.value) })
        }
    }

    struct Reference: Decodable {
        var authorization: String
        var contentSHA256: String

        enum CodingKeys: String, CodingKey {
            case authorization
            case contentSHA256 = "content_sha256"
        }
    }

    /// botocore's answers for `cases` (scripts/s3/sigv4_reference.py in the pinned venv).
    func reference(_ cases: [Case]) throws -> [Reference] {
        let process = Process()
        process.executableURL = try S3TestServer.referencePython()
        process.arguments = [Fixtures.repositoryRoot.appendingPathComponent("scripts/s3/sigv4_reference.py").path]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(cases))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try JSONDecoder().decode([Reference].self, from: data)
    }

    /// AWS's own worked example (GET /test.txt with a Range header, S3 API reference).
    static let documented = Case(
        method: "GET", host: "examplebucket.s3.amazonaws.com", path: "/test.txt", headers: [["Range", "bytes=0-9"]],
        time: "20130524T000000Z")

    @Test func theDocumentedExampleHasAWSsSignature() {
        #expect(
            Self.documented.signed()["authorization"]
                == "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        )
    }

    /// Seeded random requests: keys with spaces, `+`, `=`, `%`, non-ASCII letters and slashes;
    /// S3's query parameters (bare `uploads`, part numbers, tokens with `/+=`); headers with runs
    /// of spaces and mixed case; signed and unsigned payloads; session tokens; other regions.
    static func randomCases(count: Int, seed: UInt64) -> [Case] {
        var random = SplitMix64(seed: seed)
        let pieces = ["photos", "a b", "c+d", "e=f", "100%", "été", "日本", "x~y", "(1)", "it's", "*", "!", "&amp", "tab\there", "a/b"]
        func key() -> String {
            (0..<Int.random(in: 1...4, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined(separator: "/")
        }
        func token() -> String {
            String((0..<24).map { _ in "ABCdef0123+/=_-.".randomElement(using: &random)! })
        }
        let methods = ["GET", "PUT", "POST", "DELETE", "HEAD"]
        let hosts = ["127.0.0.1:8333", "photos.s3.eu-west-3.amazonaws.com", "s3.amazonaws.com", "[::1]:9000"]
        let regions = ["us-east-1", "eu-west-3", "ap-northeast-1"]
        return (0..<count).map { _ in
            let seconds = TimeInterval(Int.random(in: 946_684_800...1_893_456_000, using: &random))
            var query: [[String]] = []
            switch Int.random(in: 0..<5, using: &random) {
            case 0: query = [["uploads", ""]]
            case 1: query = [["partNumber", "\(Int.random(in: 1...10_000, using: &random))"], ["uploadId", token()]]
            case 2: query = [["list-type", "2"], ["prefix", key()], ["continuation-token", token()]]
            case 3: query = [["uploadId", token()]]
            default: break
            }
            var headers: [[String]] = []
            if Bool.random(using: &random) { headers.append(["Content-Type", "image/jpeg"]) }
            if Bool.random(using: &random) { headers.append(["X-Amz-Meta-Caption", "  two   spaces\tand a tab  "]) }
            if Bool.random(using: &random) { headers.append(["Range", "bytes=\(Int.random(in: 0...1000, using: &random))-"]) }
            let unsigned = Int.random(in: 0..<4, using: &random) == 0
            return Case(
                method: methods.randomElement(using: &random)!, scheme: Bool.random(using: &random) ? "https" : "http",
                host: hosts.randomElement(using: &random)!, path: "/" + key(), query: query, headers: headers,
                body: unsigned ? nil : (Bool.random(using: &random) ? "" : "body \(random.next()) été"), unsigned: unsigned,
                time: Self.stamp(Date(timeIntervalSince1970: seconds)), accessKey: "AKID\(random.next() % 1_000_000)",
                secretKey: "secret/\(token())", token: Bool.random(using: &random) ? "session+" + token() : nil,
                region: regions.randomElement(using: &random)!)
        }
    }

    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        return formatter.string(from: date)
    }

    @Test func everyRequestIsSignedAsBotocoreSignsIt() throws {
        let cases = [Self.documented] + Self.randomCases(count: 200, seed: 13)
        let expected = try reference(cases)
        #expect(expected.count == cases.count)
        for (index, (request, reference)) in zip(cases, expected).enumerated() {
            let signed = request.signed()
            #expect(signed["authorization"] == reference.authorization, "case \(index): \(request.method) \(request.path) \(request.query)")
            #expect(signed["x-amz-content-sha256"] == reference.contentSHA256, "case \(index)")
        }
    }

    @Test func theSecretAppearsInNoHeaderAndNoDescription() {
        let request = Self.randomCases(count: 1, seed: 7)[0]
        let headers = request.signed()
        #expect(!headers.values.contains { $0.contains(request.secretKey) })
        let credentials = S3Credentials(accessKeyId: "AKID", secretAccessKey: request.secretKey, sessionToken: "token-value")
        #expect(!"\(credentials)".contains(request.secretKey))
        #expect(!"\(credentials)".contains("token-value"))
        #expect(!String(reflecting: credentials).contains(request.secretKey))
    }
}
