-- wrk script: POST /evaluations/fromInferenceResult for one turn with five deterministic metrics.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ASSAY_KEY")
wrk.body = '{"inferenceResultId":"' .. os.getenv("ASSAY_TURN") .. '","metrics":["BLEU","ROUGE","METEOR","Text Similarity","Text Match"]}'
