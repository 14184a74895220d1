import Foundation
import GalleryCore
import Hummingbird

/// The person directory of the caller's collections: list, create, show (with photos),
/// rename, hide, choose the cover face, merge, split, delete.
struct PersonsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let limit = services.configuration.maxJSONBytes
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/persons",
                summary: "The collection's persons, most photographed first (hidden=true includes hidden ones)", tag: "persons",
                response: "PersonList", query: ["hidden"])
        ) { request, context in
            let cid = try collectionId(context)
            let hidden = try request.boolQuery("hidden", default: false)
            return try .json(PersonListReport(persons: try catalog.persons(collectionId: cid, includeHidden: hidden)))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/persons", summary: "Create a named person with no faces yet",
                tag: "persons", requestBody: "NameBody", response: "Person", status: 201)
        ) { request, context in
            let cid = try collectionId(context)
            let body = try await request.decodeJSON(NameBody.self, limit: limit)
            return try .json(try catalog.createPerson(name: body.name, collectionId: cid), status: .created)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/persons/{id}", summary: "One person with the photos they are in",
                tag: "persons", response: "PersonReport")
        ) { _, context in
            let cid = try collectionId(context)
            return try .json(try catalog.personReport(id: try context.pathId("id"), collectionId: cid))
        }
        routes.add(
            RouteDoc(
                method: .patch, path: "/api/v1/collections/{cid}/persons/{id}",
                summary: "Rename (null removes the name), hide or show, or choose the cover face", tag: "persons",
                requestBody: "PersonPatchBody", response: "Person")
        ) { request, context in
            let cid = try collectionId(context)
            let id = try context.pathId("id")
            var person = try catalog.person(id: id, collectionId: cid)
            let body = try await request.decodeJSON(PersonPatchBody.self, limit: limit)
            guard !body.isEmpty else { throw APIError.badRequest("give 'name', 'hidden' or 'cover_face_id'") }
            if let name = body.name { person = try catalog.renamePerson(id, to: name, collectionId: cid) }
            if let hidden = body.hidden { person = try catalog.setPersonHidden(id, hidden: hidden, collectionId: cid) }
            if let face = body.coverFaceId { person = try catalog.setCoverFace(face, of: id, collectionId: cid) }
            return try .json(person)
        }
        routes.add(
            RouteDoc(
                method: .delete, path: "/api/v1/collections/{cid}/persons/{id}",
                summary: "Delete a person (their faces are set aside, not re-clustered)", tag: "persons", status: 204)
        ) { _, context in
            let cid = try collectionId(context)
            try catalog.deletePerson(try context.pathId("id"), collectionId: cid)
            return Response(status: .noContent)
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/persons/{id}/merge",
                summary: "Merge other persons into this one (their faces move here)", tag: "persons", requestBody: "MergeBody",
                response: "Person")
        ) { request, context in
            let cid = try collectionId(context)
            let id = try context.pathId("id")
            _ = try catalog.person(id: id, collectionId: cid)
            let body = try await request.decodeJSON(MergeBody.self, limit: limit)
            return try .json(try catalog.mergePersons(into: id, from: body.personIds, collectionId: cid))
        }
        routes.add(
            RouteDoc(
                method: .post, path: "/api/v1/collections/{cid}/persons/split",
                summary: "Move faces to another person (person_id) or to a new one (name)", tag: "persons", requestBody: "SplitBody",
                response: "Person")
        ) { request, context in
            let cid = try collectionId(context)
            let body = try await request.decodeJSON(SplitBody.self, limit: limit)
            guard !body.faceIds.isEmpty else { throw APIError.badRequest("'face_ids' must name at least one face") }
            guard body.personId == nil || body.name == nil else {
                throw APIError.badRequest("give 'person_id' (an existing person) or 'name' (a new one), not both")
            }
            return try .json(try catalog.moveFaces(body.faceIds, to: body.personId, newName: body.name, collectionId: cid))
        }
    }

    /// The id of the caller's collection in the path (404 for someone else's).
    private func collectionId(_ context: GalleryRequestContext) throws -> Int64 {
        try services.collection(try context.pathId("cid"), for: try context.requireUser()).id!
    }
}
