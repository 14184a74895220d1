import Foundation
import GalleryCore
import Hummingbird

/// Text in photos: an image's OCR lines and boxes, and OCR scans as background jobs.
struct TextController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/images/{id}/text",
                summary: "The text read in an image (OCR): lines, confidences, boxes (0...1 of the upright image), model",
                tag: "text", response: "PhotoText")
        ) { _, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            let image = try services.image(try context.pathId("id"), for: user)
            guard image.collectionId == collection.id else {
                throw APIError.notFound("no image \(image.id!) in collection \(collection.id!)")
            }
            return try .json(PhotoTextReport(image: image, stored: try catalog.recognizedText(image: image)))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/ocr/scan",
                summary: "Read the text of images the installed OCR model has not read yet (background job)", tag: "text",
                response: "Job", status: 202)
        ) { _, context in
            let user = try context.requireUser()
            let collection = try services.collection(try context.pathId("cid"), for: user)
            _ = try services.text.requireRecognizer()
            let job = try await services.jobs.enqueue(JobSpec(kind: "ocr_scan", ownerId: user.id!, collection: collection, work: .scanText))
            var response = try Response.json(job, status: .accepted)
            response.headers[.location] = "/api/v1/jobs/\(job.id)"
            return response
        }
    }
}
