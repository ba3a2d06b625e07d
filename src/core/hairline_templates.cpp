#include "hairline_templates.h"

namespace smp {

// Shapes follow the styles practitioners offer (smp-reference.md, "Hairline").
// Defaults err towards natural: irregular, with a soft ramp.
const std::vector<HairlineTemplate>& hairlineTemplates() {
    static const std::vector<HairlineTemplate> kTemplates = {
        {"soft", "Soft / natural",
         {{0, 0, 0}, {0.3, 0.1, 0.5}, {0.6, 0.38, 1.5}, {0.85, 0.75, 1.5}, {1, 1, 0}},
         0.8, 12, 1.5, 4.0, 3.0, 1.0},
        {"sharp", "Sharp / edged-up",
         {{0, 0, 0}, {0.5, 0.5, 0}, {0.9, 0.9, 0}, {1, 1, 0}},
         0.4, 5, 0.3, 0.8, 0.0, 1.0},
        {"straight", "Straight / flat",
         {{0, 0, 0}, {0.5, 0.04, 0}, {0.82, 0.2, 0}, {1, 1, 0}},
         0.6, 8, 1.0, 2.5, 1.0, 1.0},
        {"rounded", "Rounded",
         {{0, 0, 0}, {0.25, 0.06, 0}, {0.5, 0.25, 0}, {0.75, 0.56, 0}, {1, 1, 0}},
         1.2, 10, 1.2, 3.0, 2.0, 1.0},
        {"receded", "Receded / mature",
         {{0, 0, 0}, {0.3, 0.08, 1.0}, {0.55, 0.4, 6.0}, {0.78, 0.9, 11.0}, {1, 1, 0}},
         0.8, 12, 1.8, 4.5, 3.0, 0.95},
        {"widows-peak", "Widow's peak",
         {{0, 0, 0}, {0.1, 0.3, 1.5}, {0.25, 0.5, 2.0}, {0.6, 0.75, 0.5}, {1, 1, 0}},
         0.8, 9, 1.2, 3.0, 2.0, 1.0},
    };
    return kTemplates;
}

const HairlineTemplate* findHairlineTemplate(const std::string& id) {
    for (const HairlineTemplate& style : hairlineTemplates()) {
        if (style.id == id) return &style;
    }
    return nullptr;
}

std::string hairlineTemplateIds() {
    std::string ids;
    for (const HairlineTemplate& style : hairlineTemplates()) {
        if (!ids.empty()) ids += ", ";
        ids += style.id;
    }
    return ids;
}

}  // namespace smp
