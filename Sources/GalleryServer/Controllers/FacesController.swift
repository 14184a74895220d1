import Foundation
import GalleryCore
import Hummingbird

/// Faces: the boxes of an image, face chips, a user's decisions on one face (assign, "not this
/// person"), the review queue, and face scans and clustering as background jobs.
struct FacesController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/images/{id}/faces", summary: "The faces of an image: boxes (0...1) and persons",
                tag: "faces", response: "FaceList")
        ) { _, context in
            let image = try services.image(try context.pathId("id"), for: try context.requireUser())
            return try .json(FaceList(faces: try catalog.faces(imageId: image.id!)))
        }
        routes.add(
            RouteDoc(method: .get, path: "/api/v1/faces/{id}/chip", summary: "The aligned face chip", tag: "faces", response: "image/jpeg")
        ) { _, context in
            let (face, _) = try services.face(try context.pathId("id"), for: try context.requireUser())
            guard let chip = face.chip else { throw APIError.notFound("face \(face.id!) has no chip") }
            return .file(chip, contentType: "image/jpeg", cacheSeconds: 3600)
        }
        routes.add(
            RouteDoc(
                method: .put, path: "/api/v1/faces/{id}/person", summary: "Assign a face to a person (kept through clustering)",
                tag: "faces", requestBody: "AssignFaceBody", response: "Person")
        ) { request, context in
            let (face, collection) = try services.face(try context.pathId("id"), for: try context.requireUser())
            let body = try await request.decodeJSON(AssignFaceBody.self, limit: limit)
            return try .json(try catalog.assignFace(face.id!, to: body.personId, collectionId: collection.id!))
        }
        routes.add(
            RouteDoc(
                method: .delete, path: "/api/v1/faces/{id}/person",
                summary: "Not this person: take the face out of its person for good", tag: "faces", status: 204)
        ) { _, context in
            let (face, collection) = try services.face(try context.pathId("id"), for: try context.requireUser())
            try catalog.rejectFace(face.id!, collectionId: collection.id!)
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/faces/review",
                summary: "Faces waiting for a decision: unassigned, then doubtful automatic assignments", tag: "faces",
                response: "FaceList", query: ["limit"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let faces = try catalog.reviewQueue(
                collectionId: collection.id!, settings: services.configuration.gallery.faces.clustering,
                limit: try request.intQuery("limit", default: 200, range: 1...1000))
            return try .json(FaceList(faces: faces))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/faces/scan",
                summary: "Find faces in images not scanned yet, then cluster them (background job)", tag: "faces", response: "Job",
                status: 202)
        ) { _, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            _ = try services.faces.requireAnalyzer()
            return try await enqueue(JobSpec(kind: "face_scan", ownerId: user.id!, collection: collection, work: .scanFaces))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/faces/cluster",
                summary: "Cluster faces into persons (full=true re-clusters automatic assignments too; background job)", tag: "faces",
                requestBody: "ClusterBody", response: "Job", status: 202)
        ) { request, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            let full = try await request.decodeJSONIfPresent(ClusterBody.self, limit: limit)?.full ?? false
            return try await enqueue(
                JobSpec(kind: "face_cluster", ownerId: user.id!, collection: collection, work: .clusterFaces(full: full)))
        }
    }

    /// Queues a job: 202 with the job and its `Location`.
    private func enqueue(_ spec: JobSpec) async throws -> Response {
        let job = try await services.jobs.enqueue(spec)
        var response = try Response.json(job, status: .accepted)
        response.headers[.location] = "/api/v1/jobs/\(job.id)"
        return response
    }

    /// `{"faces": [...]}`.
    struct FaceList: Encodable {
        var faces: [FaceSummary]
    }
}
