/** @module @chidao/extract — format adapters (being written). */
export {};
