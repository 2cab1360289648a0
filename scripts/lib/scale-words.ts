// Word lists for the national-size generator: places × categories × needs make believable,
// varied Vietnamese addresses. Communes are a few per province (not the full list of ~3,300).
import type { AddressCategory } from "../../db/enums";

/** Province → its communes; `former` is the pre-2025 province when the commune lies in a merged one. */
export const COMMUNES: Record<string, { name: string; short: string; former?: string }[]> = {
  "Hà Nội": [
    { name: "Phường Hoàn Kiếm", short: "Hoàn Kiếm" },
    { name: "Xã Sóc Sơn", short: "Sóc Sơn" },
    { name: "Xã Ba Vì", short: "Ba Vì" },
    { name: "Phường Sơn Tây", short: "Sơn Tây" },
    { name: "Xã Mỹ Đức", short: "Mỹ Đức" },
  ],
  Huế: [
    { name: "Phường Thuận Hóa", short: "Thuận Hóa" },
    { name: "Xã Phong Điền", short: "Phong Điền" },
    { name: "Xã A Lưới", short: "A Lưới" },
    { name: "Phường Hương Thủy", short: "Hương Thủy" },
  ],
  "Hải Phòng": [
    { name: "Phường Hồng Bàng", short: "Hồng Bàng" },
    { name: "Đặc khu Cát Hải", short: "Cát Hải" },
    { name: "Phường Hải Dương", short: "Hải Dương", former: "Hải Dương" },
    { name: "Xã Thanh Hà", short: "Thanh Hà", former: "Hải Dương" },
    { name: "Xã Kim Thành", short: "Kim Thành", former: "Hải Dương" },
  ],
  "Đà Nẵng": [
    { name: "Phường Hải Châu", short: "Hải Châu" },
    { name: "Phường Hội An", short: "Hội An", former: "Quảng Nam" },
    { name: "Phường Tam Kỳ", short: "Tam Kỳ", former: "Quảng Nam" },
    { name: "Xã Nam Trà My", short: "Nam Trà My", former: "Quảng Nam" },
    { name: "Đặc khu Hoàng Sa", short: "Hoàng Sa" },
  ],
  "Thành phố Hồ Chí Minh": [
    { name: "Phường Sài Gòn", short: "Sài Gòn" },
    { name: "Xã Cần Giờ", short: "Cần Giờ" },
    { name: "Phường Thủ Dầu Một", short: "Thủ Dầu Một", former: "Bình Dương" },
    { name: "Phường Vũng Tàu", short: "Vũng Tàu", former: "Bà Rịa – Vũng Tàu" },
    { name: "Đặc khu Côn Đảo", short: "Côn Đảo", former: "Bà Rịa – Vũng Tàu" },
    { name: "Xã Long Hải", short: "Long Hải", former: "Bà Rịa – Vũng Tàu" },
  ],
  "Cần Thơ": [
    { name: "Phường Ninh Kiều", short: "Ninh Kiều" },
    { name: "Xã Phong Điền", short: "Phong Điền" },
    { name: "Phường Sóc Trăng", short: "Sóc Trăng", former: "Sóc Trăng" },
    { name: "Xã Trần Đề", short: "Trần Đề", former: "Sóc Trăng" },
    { name: "Phường Vị Thanh", short: "Vị Thanh", former: "Hậu Giang" },
  ],
  "Cao Bằng": [
    { name: "Phường Thục Phán", short: "Thục Phán" },
    { name: "Xã Trùng Khánh", short: "Trùng Khánh" },
    { name: "Xã Bảo Lạc", short: "Bảo Lạc" },
  ],
  "Điện Biên": [
    { name: "Phường Điện Biên Phủ", short: "Điện Biên Phủ" },
    { name: "Xã Mường Nhé", short: "Mường Nhé" },
    { name: "Xã Tủa Chùa", short: "Tủa Chùa" },
  ],
  "Lai Châu": [
    { name: "Phường Tân Phong", short: "Tân Phong" },
    { name: "Xã Sìn Hồ", short: "Sìn Hồ" },
    { name: "Xã Mường Tè", short: "Mường Tè" },
  ],
  "Lạng Sơn": [
    { name: "Phường Lương Văn Tri", short: "Lương Văn Tri" },
    { name: "Xã Đồng Đăng", short: "Đồng Đăng" },
    { name: "Xã Bắc Sơn", short: "Bắc Sơn" },
  ],
  "Quảng Ninh": [
    { name: "Phường Hạ Long", short: "Hạ Long" },
    { name: "Phường Móng Cái", short: "Móng Cái" },
    { name: "Đặc khu Vân Đồn", short: "Vân Đồn" },
    { name: "Đặc khu Cô Tô", short: "Cô Tô" },
  ],
  "Sơn La": [
    { name: "Phường Tô Hiệu", short: "Tô Hiệu" },
    { name: "Xã Mộc Châu", short: "Mộc Châu" },
    { name: "Xã Sốp Cộp", short: "Sốp Cộp" },
  ],
  "Thanh Hóa": [
    { name: "Phường Hạc Thành", short: "Hạc Thành" },
    { name: "Phường Sầm Sơn", short: "Sầm Sơn" },
    { name: "Xã Mường Lát", short: "Mường Lát" },
    { name: "Xã Nga Sơn", short: "Nga Sơn" },
  ],
  "Nghệ An": [
    { name: "Phường Trường Vinh", short: "Trường Vinh" },
    { name: "Phường Cửa Lò", short: "Cửa Lò" },
    { name: "Xã Kỳ Sơn", short: "Kỳ Sơn" },
    { name: "Xã Quỳnh Lưu", short: "Quỳnh Lưu" },
  ],
  "Hà Tĩnh": [
    { name: "Phường Thành Sen", short: "Thành Sen" },
    { name: "Xã Cẩm Xuyên", short: "Cẩm Xuyên" },
    { name: "Xã Kỳ Anh", short: "Kỳ Anh" },
  ],
  "Tuyên Quang": [
    { name: "Phường Minh Xuân", short: "Minh Xuân" },
    { name: "Phường Hà Giang", short: "Hà Giang", former: "Hà Giang" },
    { name: "Xã Đồng Văn", short: "Đồng Văn", former: "Hà Giang" },
    { name: "Xã Mèo Vạc", short: "Mèo Vạc", former: "Hà Giang" },
  ],
  "Lào Cai": [
    { name: "Phường Cam Đường", short: "Cam Đường" },
    { name: "Phường Sa Pa", short: "Sa Pa" },
    { name: "Phường Yên Bái", short: "Yên Bái", former: "Yên Bái" },
    { name: "Xã Mù Cang Chải", short: "Mù Cang Chải", former: "Yên Bái" },
  ],
  "Thái Nguyên": [
    { name: "Phường Phan Đình Phùng", short: "Phan Đình Phùng" },
    { name: "Xã Đại Từ", short: "Đại Từ" },
    { name: "Phường Bắc Kạn", short: "Bắc Kạn", former: "Bắc Kạn" },
    { name: "Xã Ba Bể", short: "Ba Bể", former: "Bắc Kạn" },
  ],
  "Phú Thọ": [
    { name: "Phường Việt Trì", short: "Việt Trì" },
    { name: "Phường Vĩnh Yên", short: "Vĩnh Yên", former: "Vĩnh Phúc" },
    { name: "Xã Tam Đảo", short: "Tam Đảo", former: "Vĩnh Phúc" },
    { name: "Phường Hòa Bình", short: "Hòa Bình", former: "Hòa Bình" },
    { name: "Xã Mai Châu", short: "Mai Châu", former: "Hòa Bình" },
  ],
  "Bắc Ninh": [
    { name: "Phường Kinh Bắc", short: "Kinh Bắc" },
    { name: "Xã Gia Bình", short: "Gia Bình" },
    { name: "Phường Bắc Giang", short: "Bắc Giang", former: "Bắc Giang" },
    { name: "Xã Lục Ngạn", short: "Lục Ngạn", former: "Bắc Giang" },
  ],
  "Hưng Yên": [
    { name: "Phường Phố Hiến", short: "Phố Hiến" },
    { name: "Xã Khoái Châu", short: "Khoái Châu" },
    { name: "Phường Thái Bình", short: "Thái Bình", former: "Thái Bình" },
    { name: "Xã Tiền Hải", short: "Tiền Hải", former: "Thái Bình" },
  ],
  "Ninh Bình": [
    { name: "Phường Hoa Lư", short: "Hoa Lư" },
    { name: "Xã Kim Sơn", short: "Kim Sơn" },
    { name: "Phường Phủ Lý", short: "Phủ Lý", former: "Hà Nam" },
    { name: "Phường Nam Định", short: "Nam Định", former: "Nam Định" },
    { name: "Xã Giao Thủy", short: "Giao Thủy", former: "Nam Định" },
  ],
  "Quảng Trị": [
    { name: "Phường Đông Hà", short: "Đông Hà" },
    { name: "Xã Hướng Hóa", short: "Hướng Hóa" },
    { name: "Phường Đồng Hới", short: "Đồng Hới", former: "Quảng Bình" },
    { name: "Xã Lệ Thủy", short: "Lệ Thủy", former: "Quảng Bình" },
  ],
  "Quảng Ngãi": [
    { name: "Phường Cẩm Thành", short: "Cẩm Thành" },
    { name: "Đặc khu Lý Sơn", short: "Lý Sơn" },
    { name: "Phường Kon Tum", short: "Kon Tum", former: "Kon Tum" },
    { name: "Xã Đăk Glei", short: "Đăk Glei", former: "Kon Tum" },
  ],
  "Gia Lai": [
    { name: "Phường Pleiku", short: "Pleiku" },
    { name: "Xã Chư Sê", short: "Chư Sê" },
    { name: "Phường Quy Nhơn", short: "Quy Nhơn", former: "Bình Định" },
    { name: "Xã Hoài Nhơn", short: "Hoài Nhơn", former: "Bình Định" },
  ],
  "Đắk Lắk": [
    { name: "Phường Buôn Ma Thuột", short: "Buôn Ma Thuột" },
    { name: "Xã Ea Súp", short: "Ea Súp" },
    { name: "Phường Tuy Hòa", short: "Tuy Hòa", former: "Phú Yên" },
    { name: "Xã Sông Cầu", short: "Sông Cầu", former: "Phú Yên" },
  ],
  "Khánh Hòa": [
    { name: "Phường Nha Trang", short: "Nha Trang" },
    { name: "Phường Cam Ranh", short: "Cam Ranh" },
    { name: "Đặc khu Trường Sa", short: "Trường Sa" },
    { name: "Phường Phan Rang", short: "Phan Rang", former: "Ninh Thuận" },
  ],
  "Lâm Đồng": [
    { name: "Phường Xuân Hương – Đà Lạt", short: "Đà Lạt" },
    { name: "Phường Bảo Lộc", short: "Bảo Lộc" },
    { name: "Phường Gia Nghĩa", short: "Gia Nghĩa", former: "Đắk Nông" },
    { name: "Phường Phan Thiết", short: "Phan Thiết", former: "Bình Thuận" },
    { name: "Đặc khu Phú Quý", short: "Phú Quý", former: "Bình Thuận" },
  ],
  "Đồng Nai": [
    { name: "Phường Trấn Biên", short: "Trấn Biên" },
    { name: "Xã Tân Phú", short: "Tân Phú" },
    { name: "Phường Đồng Xoài", short: "Đồng Xoài", former: "Bình Phước" },
    { name: "Xã Bù Đăng", short: "Bù Đăng", former: "Bình Phước" },
  ],
  "Tây Ninh": [
    { name: "Phường Tân Ninh", short: "Tân Ninh" },
    { name: "Xã Hòa Thành", short: "Hòa Thành" },
    { name: "Phường Long An", short: "Long An", former: "Long An" },
    { name: "Xã Cần Giuộc", short: "Cần Giuộc", former: "Long An" },
  ],
  "Đồng Tháp": [
    { name: "Phường Cao Lãnh", short: "Cao Lãnh" },
    { name: "Phường Sa Đéc", short: "Sa Đéc" },
    { name: "Phường Mỹ Tho", short: "Mỹ Tho", former: "Tiền Giang" },
    { name: "Xã Gò Công", short: "Gò Công", former: "Tiền Giang" },
  ],
  "Vĩnh Long": [
    { name: "Phường Long Châu", short: "Long Châu" },
    { name: "Phường Bến Tre", short: "Bến Tre", former: "Bến Tre" },
    { name: "Xã Ba Tri", short: "Ba Tri", former: "Bến Tre" },
    { name: "Phường Trà Vinh", short: "Trà Vinh", former: "Trà Vinh" },
    { name: "Xã Duyên Hải", short: "Duyên Hải", former: "Trà Vinh" },
  ],
  "An Giang": [
    { name: "Phường Long Xuyên", short: "Long Xuyên" },
    { name: "Phường Châu Đốc", short: "Châu Đốc" },
    { name: "Phường Rạch Giá", short: "Rạch Giá", former: "Kiên Giang" },
    { name: "Phường Hà Tiên", short: "Hà Tiên", former: "Kiên Giang" },
    { name: "Đặc khu Phú Quốc", short: "Phú Quốc", former: "Kiên Giang" },
    { name: "Xã Kiên Lương", short: "Kiên Lương", former: "Kiên Giang" },
  ],
  "Cà Mau": [
    { name: "Phường An Xuyên", short: "An Xuyên" },
    { name: "Xã Năm Căn", short: "Năm Căn" },
    { name: "Xã Đất Mũi", short: "Đất Mũi" },
    { name: "Phường Bạc Liêu", short: "Bạc Liêu", former: "Bạc Liêu" },
    { name: "Xã Hòa Bình", short: "Hòa Bình", former: "Bạc Liêu" },
  ],
};

export const FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm"];
export const MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Đức", "Quốc", "Thu", "Hoài", "Gia", "Kim"];
export const GIVEN_NAMES = [
  "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương", "Khánh", "Lan", "Linh", "Long", "Mai",
  "Nam", "Ngọc", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến", "Tư", "Ba", "Út",
];
export const INITIALS = "ABCDGHKLMNPQSTVXY".split("");

/** Who the address is for, by category: an alias (public) and a short form for titles. */
export const ALIASES: Record<AddressCategory, string[]> = {
  poor_household: ["Gia đình anh {I}.", "Gia đình chị {I}.", "Hộ bà {I}.", "Gia đình ông {I}."],
  poor_fisherman: ["Gia đình ngư dân {I}.", "Anh {I}., ngư dân", "Gia đình anh {I}."],
  malnourished_child: ["Bé {I}.", "Cháu {I}.", "Bé {I}. ({A} tuổi)"],
  disabled_child: ["Em {I}.", "Cháu {I}.", "Bé {I}."],
  elderly_alone: ["Bà {I}.", "Ông {I}.", "Cụ {I}."],
  sick: ["Anh {I}.", "Chị {I}.", "Bà {I}.", "Em {I}."],
  disaster_victim: ["Gia đình anh {I}.", "Gia đình chị {I}.", "Hộ ông {I}."],
  student: ["Em {I}.", "Em {I}., lớp {G}", "Sinh viên {I}."],
  other: ["Gia đình {I}.", "Anh {I}.", "Chị {I}."],
};

/** Title templates: {who} short form, {need} the first need, {place} the commune's short name. */
export const TITLES: Record<AddressCategory, string[]> = {
  poor_household: ["Giúp gia đình nghèo ở {place} {need}", "{need} cho hộ nghèo tại {place}", "Chung tay cùng gia đình khó khăn ở {place}"],
  poor_fisherman: ["Hỗ trợ ngư dân {need} ở {place}", "Giúp gia đình ngư dân {place} {need}", "Ngư dân {place} cần {need}"],
  malnourished_child: ["{need} cho bé suy dinh dưỡng ở {place}", "Giúp bé ở {place} vượt qua suy dinh dưỡng", "Dinh dưỡng cho trẻ em {place}"],
  disabled_child: ["{need} cho em khuyết tật ở {place}", "Giúp em nhỏ khuyết tật tại {place} đến trường", "Đồng hành cùng trẻ khuyết tật {place}"],
  elderly_alone: ["{need} cho cụ già neo đơn ở {place}", "Sưởi ấm tuổi già cô đơn tại {place}", "Giúp người già neo đơn ở {place} {need}"],
  sick: ["{need} cho bệnh nhân nghèo ở {place}", "Tiếp sức chữa bệnh cho người nghèo {place}", "Giúp người bệnh tại {place} {need}"],
  disaster_victim: ["{need} cho gia đình vùng lũ {place}", "Khắc phục hậu quả bão ở {place}: {need}", "Giúp hộ bị thiên tai tại {place} {need}"],
  student: ["{need} cho học sinh nghèo ở {place}", "Nâng bước em đến trường tại {place}", "Tiếp sức học sinh vượt khó {place}"],
  other: ["Hỗ trợ hoàn cảnh khó khăn ở {place}", "{need} cho người khó khăn tại {place}"],
};

export const SUMMARIES: Record<AddressCategory, string[]> = {
  poor_household: [
    "Gia đình {n} người sống nhờ làm thuê, thu nhập bấp bênh; nhà dột nát sau mùa mưa.",
    "Chồng mất sớm, chị một mình nuôi {k} con nhỏ và mẹ già.",
  ],
  poor_fisherman: [
    "Tàu cá nhỏ hỏng máy sau mùa bão, cả nhà không thể ra khơi kiếm sống.",
    "Anh đi biển từ năm 15 tuổi; lưới rách hết, nợ nần chồng chất sau nhiều chuyến biển trắng tay.",
  ],
  malnourished_child: ["Bé nhẹ cân so với tuổi, cha mẹ làm thuê không đủ tiền mua sữa.", "Cháu suy dinh dưỡng thể thấp còi, cần được chăm sóc dinh dưỡng đều đặn."],
  disabled_child: ["Em bị bại não từ nhỏ, mẹ phải nghỉ làm để chăm em.", "Em khiếm thính, rất ham học nhưng nhà xa trường."],
  elderly_alone: ["Cụ sống một mình trong căn nhà tạm, không nơi nương tựa.", "Bà đã ngoài 80, con cái mất sớm, sống nhờ trợ cấp xã hội."],
  sick: ["Anh mắc bệnh thận phải chạy thận ba lần mỗi tuần, gia đình đã bán hết tài sản.", "Chị điều trị ung thư, chi phí vượt quá khả năng của gia đình."],
  disaster_victim: ["Lũ cuốn trôi nhà cửa và hoa màu, cả nhà phải ở nhờ nhà hàng xóm.", "Bão làm sập mái nhà, gia đình mất toàn bộ đồ đạc."],
  student: ["Em học giỏi nhiều năm liền nhưng có nguy cơ bỏ học vì hoàn cảnh khó khăn.", "Cha mất, mẹ bệnh, em vừa học vừa làm thêm để phụ giúp gia đình."],
  other: ["Hoàn cảnh đặc biệt khó khăn, được Hội Chữ thập đỏ địa phương xác minh."],
};

/** Needs per category: title (also used in titles, lower-cased), unit, quantity range, unit cost range (đồng). */
export const NEEDS: Record<AddressCategory, [string, string, number, number, number, number][]> = {
  poor_household: [
    ["Gạo", "bao 10 kg", 5, 20, 180_000, 250_000],
    ["Sửa mái nhà", "gói", 1, 1, 5_000_000, 20_000_000],
    ["Bò giống sinh kế", "con", 1, 1, 12_000_000, 18_000_000],
    ["Bếp và nồi niêu", "bộ", 1, 1, 600_000, 1_200_000],
  ],
  poor_fisherman: [
    ["Sửa máy tàu", "bộ", 1, 1, 3_000_000, 12_000_000],
    ["Mua lưới mới", "tấm", 2, 6, 800_000, 1_500_000],
    ["Áo phao cứu sinh", "chiếc", 2, 6, 300_000, 400_000],
  ],
  malnourished_child: [
    ["Sữa dinh dưỡng", "hộp", 12, 48, 250_000, 450_000],
    ["Khám dinh dưỡng", "lần", 1, 4, 200_000, 500_000],
  ],
  disabled_child: [
    ["Xe lăn", "chiếc", 1, 1, 2_500_000, 6_000_000],
    ["Phục hồi chức năng", "tháng", 3, 12, 500_000, 1_500_000],
  ],
  elderly_alone: [
    ["Chăn ấm", "chiếc", 1, 2, 250_000, 400_000],
    ["Sửa nhà", "gói", 1, 1, 8_000_000, 25_000_000],
    ["Thuốc men", "tháng", 3, 12, 300_000, 800_000],
  ],
  sick: [
    ["Viện phí", "đợt", 1, 3, 2_000_000, 15_000_000],
    ["Thuốc điều trị", "tháng", 3, 12, 500_000, 2_000_000],
  ],
  disaster_victim: [
    ["Gói cứu trợ", "phần", 1, 3, 300_000, 700_000],
    ["Dựng lại nhà", "gói", 1, 1, 15_000_000, 60_000_000],
    ["Bình lọc nước", "chiếc", 1, 1, 1_500_000, 3_000_000],
  ],
  student: [
    ["Học bổng", "tháng", 9, 12, 300_000, 1_000_000],
    ["Xe đạp đến trường", "chiếc", 1, 1, 1_500_000, 2_500_000],
    ["Sách vở, đồng phục", "bộ", 1, 1, 400_000, 900_000],
  ],
  other: [["Hỗ trợ sinh kế", "gói", 1, 1, 3_000_000, 10_000_000]],
};
