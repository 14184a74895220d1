import Foundation
import GalleryCore
import Hummingbird

/// The timeline: photos counted by year, month and day, a period's photos, and "on this day".
struct TimelineController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        let catalog = services.catalog
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/timeline",
                summary: "Photos counted by year, month and day, newest first (within: YYYY[-MM[-DD]]; by: year, month or day)",
                tag: "timeline", response: "Timeline", query: ["within", "by"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let within = try request.uri.queryParameters["within"].map { try TimelinePeriod(String($0)) }
            let depth = try request.uri.queryParameters["by"].map { raw in
                guard let value = TimelinePeriod.Precision(rawValue: String(raw)) else {
                    throw APIError.badRequest("'by' must be year, month or day")
                }
                return value
            }
            let timeline = try await OffExecutor.run {
                try catalog.timeline(collectionId: collection.id!, within: within, depth: depth ?? .day)
            }
            return try .json(timeline)
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/timeline/photos",
                summary: "The photos of a year, month or day (period), newest first; with none, the nearest day that has some",
                tag: "timeline", response: "TimelinePage", query: ["period", "limit", "offset"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            guard let raw = request.uri.queryParameters["period"] else {
                throw APIError.badRequest("'period' is required: YYYY, YYYY-MM or YYYY-MM-DD")
            }
            let period = try TimelinePeriod(String(raw))
            let limit = try request.intQuery("limit", default: 50, range: 1...SearchLimits.maxLimit)
            let offset = try request.intQuery("offset", default: 0, range: 0...Int.max)
            let page = try await OffExecutor.run {
                try catalog.timelinePhotos(collectionId: collection.id!, period: period, limit: limit, offset: offset)
            }
            return try .json(TimelinePageReport(page))
        }
        routes.add(
            RouteDoc(
                method: .get, path: "/api/v1/collections/{cid}/timeline/memories",
                summary: "On this day: photos of today's (or date's) month and day in earlier years", tag: "timeline",
                response: "Memories", query: ["date", "per_year"])
        ) { request, context in
            let collection = try services.collection(try context.pathId("cid"), for: try context.requireUser())
            let day =
                try request.uri.queryParameters["date"].map { raw in
                    let period = try TimelinePeriod(String(raw))
                    guard period.precision == .day else { throw APIError.badRequest("'date' must be a day, YYYY-MM-DD") }
                    return period.start
                } ?? Date()
            let perYear = try request.intQuery("per_year", default: 12, range: 1...100)
            let memories = try await OffExecutor.run { try catalog.memories(collectionId: collection.id!, on: day, perYear: perYear) }
            return try .json(MemoriesReport(on: day, memories: memories))
        }
    }
}
