"""Everything that talks to Zalo: the API client, its error table, tokens and the local emulator."""
