"""The sandbox web chat: talk to the bot as a citizen or a moderator without a Zalo account.

Served by the web app only in sandbox mode (never in production). The page talks to the local Zalo
emulator's ``/_emulator`` endpoints through a thin same-origin proxy, so everything it shows is what
the bot really sent to "Zalo".
"""
