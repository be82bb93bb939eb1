/**
 * @module registry/roles-dates
 * The two reorganisations that bound the roles' periods.
 */

/**
 * 1 March 2025: the Government's apparatus was streamlined (NQ 176/2025/QH15; NĐ 45/2025/NĐ-CP for
 * the provincial departments): ministries and sở merged (KH&ĐT into Tài chính, GTVT into Xây
 * dựng, NN&PTNT and TN&MT into Nông nghiệp và Môi trường, LĐTBXH into Nội vụ, TT&TT into Khoa học
 * và Công nghệ) and district police were dissolved.
 */
export const APPARATUS_2025 = "2025-03-01";

/**
 * 1 July 2025: 34 provinces and a two-tier local government (NQ 202 and 203/2025/QH15). Roles that
 * end here are given only to units of the 2021 list: the COVID-19 bodies (long dissolved by then;
 * their dates vary by locality and are not in our data) and the provincial press, merged during 2025.
 */
export const TWO_TIER_2025 = "2025-07-01";
