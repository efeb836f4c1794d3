package com.zhifang.features.schema;

/**
 * Column names of the graph stage's tables: graph features per number and device, rings and their links.
 */
public final class GraphColumns {
    private GraphColumns() {}

    // ---- graph analytics (graph stage) ----
    /** Date a graph table row describes: the last day of the window it was built over (the partition). */
    public static final String GRAPH_DATE = "graph_date";
    public static final String FROM_NUMBER = "from_number";
    public static final String TO_NUMBER = "to_number";
    public static final String FROM_CLASS = "from_class";
    public static final String TO_CLASS = "to_class";
    public static final String TALK_S = "talk_s";
    public static final String MESSAGES = "messages";
    public static final String NUMBER_A = "number_a";
    public static final String NUMBER_B = "number_b";
    public static final String LINK_KIND = "kind";
    public static final String WEIGHT = "weight";
    public static final String EVIDENCE = "evidence";
    public static final String JACCARD = "jaccard";
    public static final String SHARED_CALLEES = "shared_callees";
    public static final String SEED_SOURCES = "seed_sources";
    public static final String SEEDED_ON = "seeded_on";
    public static final String HUB_REASON = "hub_reason";
    public static final String IS_SEED = "is_seed";
    public static final String OUT_DEGREE = "out_degree";
    public static final String IN_DEGREE = "in_degree";
    public static final String NEIGHBOURS = "neighbours";
    public static final String SMS_OUT_NEIGHBOURS = "sms_out_neighbours";
    public static final String SMS_IN_NEIGHBOURS = "sms_in_neighbours";
    public static final String PAGERANK = "pagerank";
    public static final String TRIANGLES = "triangles";
    public static final String CLUSTERING = "clustering";
    public static final String PPR_CALL = "ppr_call";
    public static final String PPR_SHARED = "ppr_shared";
    public static final String HOPS_TO_SEED = "hops_to_seed";
    public static final String SEEDS_SHARING_DEVICE = "seeds_sharing_device";
    public static final String SEEDS_SHARING_IDENTITY = "seeds_sharing_identity";
    public static final String COVICTIM_MAX_SIMILARITY_TO_SEED = "covictim_max_similarity_to_seed";
    public static final String COVICTIM_SIMILAR_NUMBERS = "covictim_similar_numbers";
    public static final String RING_ID = "ring_id";
    public static final String SIZE = "size";
    public static final String MEMBERS = "members";
    public static final String SEEDS = "seeds";
    public static final String SEED_COUNT = "seed_count";
    public static final String LINKS = "links";
    /** Ring link endpoints (inside the {@link #LINKS} structs). */
    public static final String LINK_A = "a";
    public static final String LINK_B = "b";
    public static final String CAPPED = "capped";
}
