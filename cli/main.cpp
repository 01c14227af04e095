// Entry point of `clue`: registers each verb and maps errors to the documented exit codes.
#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"clue: a compiler and runtime for image-safety constitutions", "clue"};
    app.set_version_flag("--version", std::string("clue ") + CLUE_VERSION);
    app.require_subcommand(1);
    int exitCode = 0;
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return 2; // usage error
    }
    return exitCode;
}
