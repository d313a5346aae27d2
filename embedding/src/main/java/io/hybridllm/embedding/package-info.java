/**
 * Text embeddings computed in this process ({@link io.hybridllm.embedding.MiniLmEmbedder}) and the vector arithmetic
 * around them ({@link io.hybridllm.embedding.Vectors}). The model ships inside its jar: nothing is downloaded at run
 * time. Plain blocking calls; callers decide on which threads they run.
 */
package io.hybridllm.embedding;
