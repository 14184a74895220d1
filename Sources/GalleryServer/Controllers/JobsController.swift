import GalleryCore
import Hummingbird

/// The caller's index jobs: list, status, cancel.
struct JobsController {
    let services: GalleryServices

    func addRoutes(to routes: Routes) {
        routes.add(
            RouteDoc(method: .get, path: "/api/v1/jobs", summary: "The caller's jobs, newest first", tag: "jobs", response: "JobList")
        ) { _, context in
            let user = try context.requireUser()
            let jobs = try await services.jobs.jobs(ownerId: user.id!)
            return try .json(["jobs": jobs])
        }
        routes.add(
            RouteDoc(method: .get, path: "/api/v1/jobs/{id}", summary: "One job: state, progress, result", tag: "jobs", response: "Job")
        ) { _, context in
            let user = try context.requireUser()
            let id = try context.pathId("id")
            guard let job = try await services.jobs.job(id: id, ownerId: user.id!) else { throw APIError.notFound("no job \(id)") }
            return try .json(job)
        }
        routes.add(
            RouteDoc(method: .delete, path: "/api/v1/jobs/{id}", summary: "Cancel a queued or running job", tag: "jobs", response: "Job")
        ) { _, context in
            let user = try context.requireUser()
            let id = try context.pathId("id")
            guard let job = try await services.jobs.cancel(id: id, ownerId: user.id!) else { throw APIError.notFound("no job \(id)") }
            return try .json(job)
        }
    }
}
