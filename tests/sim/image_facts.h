// What an image of the world shows, keyed by the SHA-256 of its bytes.
#pragma once

#include <map>
#include <set>
#include <string>

namespace clue::sim {

struct ImageFacts {
    std::string sha256;
    std::string file; // where the generator wrote it, relative to the world file; informational
    // Normalized statements, by how the image shows them:
    std::set<std::string> trueStatements;   // visible
    std::set<std::string> hardStatements;   // the score lands in the undecided band
    std::set<std::string> regionStatements; // visible but off-centre: the full-image score is weak
    // A region-masked variant: the SHA-256 of the original image and the object masked out.
    std::string maskedOf;
    std::string maskedObject;
    // Cosine similarity of the image's embedding with each listed text's (a rule's text,
    // normalized like a statement); other texts get the world's embeddings.default_similarity.
    std::map<std::string, double> relevance;
};

} // namespace clue::sim
