import Foundation
import GalleryCore
import Hummingbird
import HummingbirdCore
import Logging
import ServiceLifecycle

/// What the server prints once it is listening (the actual port, when 0 was asked).
public typealias ServerStarted = @Sendable (_ host: String, _ port: Int) -> Void

/// Builds the server: opens the catalogue, creates the admin at first start, loads the model if
/// one is active and the face models if faces are on, wires the job queue and mounts the controllers.
///
/// ```swift
/// let app = try await buildApplication(ServerConfiguration(gallery: configuration), logger: logger)
/// try await app.runService()
/// ```
public func buildApplication(
    _ configuration: ServerConfiguration, logger: Logger, onStarted: @escaping ServerStarted = { _, _ in }
) async throws -> some ApplicationProtocol {
    let catalog = try AppDatabase.open(at: configuration.gallery.catalogURL)
    try AdminBootstrap(catalog: catalog, tokenURL: configuration.adminTokenURL, logger: logger).run()
    let (model, problem) = ModelLoader(home: configuration.gallery.home).activeIfAny()
    if let model {
        // Vectors left by an older model of the same name and another dimension cannot be searched.
        let dropped = try catalog.deleteEmbeddings(ofOtherDimensionThan: model)
        logger.notice("model loaded", metadata: ["model.identifier": "\(model.identifier)", "embeddings.dropped": "\(dropped)"])
    }
    if let problem { logger.notice("semantic search disabled", metadata: ["model.problem": "\(problem)"]) }
    // Any user reads the reason in a 503: it names the data folder, never its path.
    let reason = problem?.replacingOccurrences(of: configuration.gallery.home.path, with: "$GALLERY_HOME")
    let models = ModelHolder(model: model, catalog: catalog, problem: reason, language: configuration.gallery.models.language)
    let metrics = ServerMetrics()
    let gallery = configuration.gallery
    let faces = FaceHolder.load(configuration: gallery, logger: logger)
    let text = TextHolder.load(configuration: gallery, logger: logger)
    try KeywordMaintenance(catalog: catalog, tagWordsFolder: KeywordMaintenance.tagWordsFolder(home: gallery.home), logger: logger)
        .installTagWords()
    // The bucket is checked before the server starts: a missing one or refused credentials stop it.
    let storage = try await GalleryStorage.open(configuration: gallery, logger: logger)
    let runner = JobRunner(
        configuration: gallery, catalog: catalog, logger: logger, models: models, faces: faces,
        places: loadPlaces(configuration: gallery, logger: logger), text: text, storage: storage)
    // The one server of this catalogue; a shared PostgreSQL store (PostgresJobStore) fits here once
    // the rest of the catalogue can live there too.
    let jobs = JobQueue(
        store: SQLiteJobStore(catalog: catalog), catalog: catalog,
        runner: { spec, progress in try await runner.run(spec, progress: progress) },
        settings: JobLeaseSettings(holder: JobLeaseSettings.processHolder()),
        retention: JobRetention(days: gallery.server.jobRetentionDays, perUser: gallery.server.jobsKeptPerUser),
        metrics: metrics, logger: logger, onFinished: { _ in models.catalogChanged(logger: logger) })
    let services = GalleryServices(
        configuration: configuration, catalog: catalog, storage: storage,
        pathGuard: PathGuard(roots: gallery.roots, bucketRoots: gallery.bucketRoots), jobs: jobs,
        models: models, faces: faces, text: text, metrics: metrics,
        fetcher: URLFetcher(
            maxBytes: configuration.maxURLFetchBytes, timeout: configuration.urlFetchTimeout,
            addresses: AddressPolicy(allowPrivate: configuration.allowPrivateURLs),
            slots: FetchSlots(limit: configuration.maxConcurrentURLFetches), logger: logger),
        rewriter: QueryRewriter(settings: gallery.rewriter, transport: AsyncHTTPChatTransport(), logger: logger), logger: logger)
    let routes = buildRouter(services)
    var backgroundServices: [any Service] = [JobService(queue: jobs), VectorIndexService(models: models, logger: logger)]
    if gallery.server.watch {
        backgroundServices.append(WatchService(configuration: gallery, catalog: catalog, queue: jobs, logger: logger))
    }
    return Application(
        router: routes.router,
        // Silent connections (idle, or a request that stops arriving) are closed after the idle
        // timeout; past the connection cap, new connections wait in the backlog.
        server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(configuration.idleTimeout * 1e9)))),
        configuration: .init(
            address: .hostname(configuration.host, port: configuration.port), serverName: "smart-gallery",
            availableConnectionsDelegate: MaximumAvailableConnections(configuration.maxConnections, logger: logger)),
        services: backgroundServices,
        onServerRunning: { channel in
            let port = channel.localAddress?.port ?? configuration.port
            logger.notice("listening", metadata: ["server.host": "\(configuration.host)", "server.port": "\(port)"])
            onStarted(configuration.host, port)
        },
        logger: logger)
}

/// Mounts every controller; the returned ``Routes`` also knows what to document.
func buildRouter(_ services: GalleryServices) -> Routes {
    let router = Router(context: GalleryRequestContext.self)
    router.add(middleware: RequestObservationMiddleware(metrics: services.metrics))
    router.add(middleware: TokenAuthMiddleware(catalog: services.catalog, publicMetrics: services.configuration.publicMetrics))
    let routes = Routes(router: router)
    SystemController(services: services, webRoot: SystemController.findWebRoot(override: services.configuration.webRoot)).addRoutes(
        to: routes)
    UsersController(services: services).addRoutes(to: routes)
    TokensController(services: services).addRoutes(to: routes)
    CollectionsController(services: services).addRoutes(to: routes)
    ImagesController(services: services).addRoutes(to: routes)
    SearchController(services: services).addRoutes(to: routes)
    JobsController(services: services).addRoutes(to: routes)
    PersonsController(services: services).addRoutes(to: routes)
    FacesController(services: services).addRoutes(to: routes)
    TagsController(services: services).addRoutes(to: routes)
    TextController(services: services).addRoutes(to: routes)
    AlbumsController(services: services).addRoutes(to: routes)
    MarksController(services: services).addRoutes(to: routes)
    DownloadsController(services: services).addRoutes(to: routes)
    DuplicatesController(services: services).addRoutes(to: routes)
    TimelineController(services: services).addRoutes(to: routes)
    MapController(services: services).addRoutes(to: routes)
    ColorsController(services: services).addRoutes(to: routes)
    return routes
}
