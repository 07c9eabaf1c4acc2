#include "app/text/participant_catalogues.h"

#include <string_view>
#include <vector>

#include "app/text/catalogue.h"
#include "app/text/embedded_catalogues.h"

namespace welkom {

void registerParticipantCatalogues() {
    static const bool registered = [] {
        for (std::string_view text : embeddedParticipantCatalogues()) {
            Result<Catalogue> c = parseCatalogue(text);
            // The tests check every built-in file parses; one a test registered stays.
            if (c && !findCatalogue(c->language)) registerCatalogue(std::move(*c));
        }
        return true;
    }();
    (void)registered;
}

}  // namespace welkom
