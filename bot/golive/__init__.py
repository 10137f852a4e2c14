"""Going live: granting the bot access to a real Official Account and checking a deployment.

`dxbot auth` (OAuth v4 with PKCE, or a pasted pair), the web app's `/oauth/zalo/callback`, Zalo's domain
verification file, and `dxbot doctor`.
"""
