"""Webhooks for the moderators' team chat: a comment waits, a reader reports one, a DSA notice arrives.
Signed by the Standard Webhooks scheme (the `standardwebhooks` package) and sent by the task worker with
retries, each attempt in a delivery log in the admin. They carry no personal data: the chat is a third
party, so a message names the case and links into the admin, where the team reads the rest."""
