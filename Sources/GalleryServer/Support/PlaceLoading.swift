import GalleryCore
import Logging

/// The places data named by `configuration` (`places.enabled`, `places.data`), loaded at
/// start. Never throws: off or missing data is logged, and index jobs go on without places.
func loadPlaces(configuration: GalleryConfiguration, logger: Logger) -> PlaceDirectory? {
    do {
        guard let places = try PlaceDirectory.load(configuration: configuration) else {
            logger.notice("places are off", metadata: ["places.enabled": "false"])
            return nil
        }
        logger.notice("places loaded", metadata: ["places.count": "\(places.count)", "places.data": "\(configuration.placesURL.path)"])
        return places
    } catch {
        logger.warning("running without places", metadata: ["places.problem": "\(error)"])
        return nil
    }
}
