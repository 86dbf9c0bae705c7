-- wrk script: POST one Ripe track message, as the sender does, to measure the receiver's own ceiling.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic YmVuY2g6"
wrk.body = '{"messageId":"5f0c2b7e-9f45-4c1a-8c59-0d6a3c9b1e22","timestamp":"2026-11-25T10:30:00.000Z","anonymousId":"bench","event":"Completed Order","properties":{"order_id":"ord_123456","total":99.5,"item_count":3,"currency":"EUR","gift":false,"placed_at":"2026-11-25T10:29:58.000Z"}}'
