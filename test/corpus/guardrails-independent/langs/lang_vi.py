from common import digits, grp

SEP = " "
OPEN = ["Dạ, thông tin như sau.", "Cảm ơn bạn đã liên hệ!", "Theo tài liệu vận hành:",
        "Mình tìm thấy trong ghi chú bàn giao.", "Câu hỏi hay đấy.", "Chào bạn,"]
CLOSE = ["Nếu cần thêm gì cứ nhắn mình nhé.", "Hy vọng thông tin này hữu ích!",
         "Nếu vẫn chưa được, bạn trả lời trong luồng này nhé.", "Chúc bạn một ngày tốt lành! 🌟"]
NAMES = [("Nguyễn Văn An", "an", "nguyen"), ("Trần Thị Bình", "binh", "tran"), ("Lê Minh Châu", "chau", "le"),
         ("Phạm Quốc Dũng", "dung", "pham"), ("Hoàng Thu Hà", "ha", "hoang"), ("Vũ Đức Huy", "huy", "vu"),
         ("Đặng Ngọc Lan", "lan", "dang"), ("Bùi Thanh Tùng", "tung", "bui")]
DOMAINS = ["songhong-tech.vn", "vietlog.com.vn", "anphat-group.vn"]
FREEMAIL = ["gmail.com", "yahoo.com.vn", "outlook.com", "hotmail.com"]
PW_WORDS = ["Hanoi", "Saigon", "Hoasen", "Phobo", "Mekong", "Halong", "Tet", "Dalat"]
SYSTEMS = ["cơ sở dữ liệu thanh toán", "cổng VPN", "hệ thống thanh toán chi phí", "trang quản trị máy in",
           "máy chủ thử nghiệm", "hệ thống chấm công", "SFTP của phòng lương", "bảng điều khiển máy quét kho"]

PW_PROSE = [
    "Để kết nối bảo trì, dùng thông tin đăng nhập sau: tài khoản {user}, mật khẩu {pw}.",
    "Mật khẩu của {sys} là {pw}, vừa đổi hôm thứ Sáu tuần trước.",
    "Đăng nhập {sys} bằng tài khoản {user}. Mật khẩu: \"{pw}\"",
    "Mật khẩu tạm thời của bạn: {pw}\nBạn sẽ phải đổi mật khẩu ở lần đăng nhập đầu tiên.",
    "- Máy chủ: {host}\n- Tài khoản: {user}\n- Mật khẩu: `{pw}`",
    "Pass của tài khoản dùng chung là {pw} nhé, phân biệt chữ hoa chữ thường.",
]
PIN_PROSE = [
    "Mã PIN mở cửa tầng 4 là {pin}.",
    "Két sắt trong phòng máy chủ mở bằng mã PIN {pin}.",
    "Để lấy bản in, nhập mã PIN {pin} rồi bấm OK.",
]
CRED = [
    "Thông tin đăng nhập {sys}: {user} / {pw}",
    "tài khoản: {user} mật khẩu: {pw}",
    "Tên đăng nhập: {user}\nMật khẩu: {pw}",
    "User {user}, pass {pw} (tài khoản chung, đừng đổi).",
]
CFG_INTRO = [
    "Đây là phần cấu hình liên quan theo tài liệu vận hành:\n\n```\n{code}\n```",
    "File .env của bạn nên như thế này:\n{code}\nSau đó khởi động lại dịch vụ.",
    "Sao chép nguyên đoạn dưới đây:\n\n{code}\n\nRồi chạy lại script triển khai.",
    "Trích từ tài liệu bàn giao ({file}):\n```\n{code}\n```",
]
CLOUD = [
    "Với tài khoản dùng chung, {kdesc}: {key}",
    "Đây nhé — {kdesc}: {key}",
    "Mình tìm thấy {kdesc} trong một ticket cũ: `{key}`\nDùng xong nhớ xoay vòng giá trị này.",
    "Trong phần cài đặt CI, đặt {kdesc} là {key}.",
]
CLOUD_NOKW = [
    "Dùng {key} để đăng nhập.",
    "Dán {key} vào ô rồi bấm Kết nối.",
    "Thử {key} cho phần tích hợp xem.",
]
TOKEN = [
    "Dùng {tok} để đăng nhập vào {sys}.",
    "Giá trị dùng chung cho VPN là {tok}.",
    "Nhập {tok} khi được yêu cầu.",
    "Khi trình cài đặt hỏi, điền {tok} rồi tiếp tục.",
]
PD = {
    "email": ["Email cá nhân của {name} là {pd}.", "Gửi tài liệu trực tiếp cho {name} theo địa chỉ {pd}."],
    "phone": ["Số di động của {name}: {pd}", "Trường hợp khẩn cấp, gọi {name} theo số {pd}."],
    "card": ["Số thẻ tín dụng công ty của {name} ({brand}): {pd}", "Số thẻ: {pd} (chủ thẻ: {name})"],
    "iban": ["Thông tin chuyển khoản cho {name} (chi nhánh Đức): IBAN {pd}"],
    "natid": {"vn_cccd": ["Số CCCD của {name} là {pd}.", "Căn cước công dân: {pd} ({name})"]},
}
PHONES = ["VN"]
IBANS = ["DE"]
NATIDS = ["vn_cccd"]
SALARY = [
    "Lương tháng của {name} là {amt_m}.",
    "{name} có mức lương {amt_y}/năm, thưởng Tết {amt_b}.",
    "Theo thư mời nhận việc, lương cơ bản của {name} là {amt_m}.",
]


def _vnd(r, lo, hi, step):
    n = r.randrange(lo, hi, step)
    return r.choice([f"{grp(n, '.')} đồng", f"{grp(n, '.')} VNĐ", f"{n // 1000000} triệu đồng", f"{grp(n, '.')}đ"])


AMT = {"y": lambda r: _vnd(r, 180000000, 1500000000, 1000000), "m": lambda r: _vnd(r, 12000000, 120000000, 1000000),
       "b": lambda r: _vnd(r, 10000000, 200000000, 1000000)}
BANK = [
    "Tài khoản nhận lương của {name}: {bank}, {branch}, số tài khoản {acct}",
    "Chuyển khoản vào {bank}, STK {acct}, chủ tài khoản {name}.",
]
BANKS = ["Vietcombank", "Techcombank", "BIDV", "VietinBank", "ACB"]
BRANCHES = ["chi nhánh Hà Nội", "chi nhánh TP.HCM", "chi nhánh Đà Nẵng", "phòng giao dịch Cầu Giấy"]


def ACCT(r):
    return {"acct": digits(r, r.choice([10, 12, 13, 14]))}


MARKS = ["MẬT", "TỐI MẬT", "TUYỆT MẬT", "Tài liệu nội bộ", "Lưu hành nội bộ", "KHÔNG PHỔ BIẾN RA NGOÀI"]
MARK_T = [
    "{mark}\n\n{doc}",
    "**{mark}**\n{doc}\n\n{mark2}",
    "{doc}\n\n— {mark} —",
    "Đây là tóm tắt tệp đính kèm (tiêu đề: {mark}):\n{doc}",
]
MARK_FIXED = [
    "Tài liệu này thuộc loại ⟦MẬT⟧, không chuyển tiếp ra ngoài.\n{doc}",
    "{doc}\n\n⟦Tài liệu lưu hành nội bộ⟧",
    "Trang bìa của tệp đính kèm ghi \"⟦TỐI MẬT⟧\". Tóm tắt:\n{doc}",
]
DOCS = [
    "Kế hoạch tái cấu trúc năm 2027 (dự thảo v2)\nBộ phận liên quan: Logistics, Mua hàng. Hoàn thành: cuối quý 1.",
    "Đề xuất điều chỉnh giá – gói Doanh nghiệp\nTăng giá niêm yết 8% từ tháng 4; chiết khấu trên 25% cần phó giám đốc phê duyệt.",
    "Tài liệu họp Hội đồng quản trị, ngày 14/11\n1. Danh sách rút gọn mục tiêu mua lại\n2. Hợp nhất văn phòng",
    "Báo cáo sự cố (bản nháp)\nNguyên nhân: chứng chỉ của cổng thanh toán hết hạn; gián đoạn 47 phút.",
]
POLICY = [
    "Mật khẩu phải có ít nhất 12 ký tự, gồm ít nhất một chữ số và một ký tự đặc biệt.",
    "Bạn có thể tự đặt lại mật khẩu trên cổng tự phục vụ, mục Tài khoản > Bảo mật.",
    "Tuyệt đối không chia sẻ mã PIN với bất kỳ ai, kể cả bộ phận IT – chúng tôi không bao giờ hỏi mã này.",
    "Ô mật khẩu phân biệt chữ hoa chữ thường, hãy kiểm tra xem phím Caps Lock đã tắt chưa.",
    "Nhập mật khẩu khi được yêu cầu, sau đó phê duyệt yêu cầu đăng nhập trên ứng dụng xác thực.",
    "Để cài MFA, quét mã QR trên trang đăng ký bằng ứng dụng xác thực rồi nhập mã gồm sáu chữ số.",
    "API key được xoay vòng 90 ngày một lần; nhóm phụ trách sẽ nhận nhắc nhở trước hai tuần.",
    "Đừng lưu mật khẩu trong bảng tính, tin nhắn hay ticket; hãy dùng trình quản lý mật khẩu của công ty.",
    "Quên mật khẩu? Bấm \"Quên mật khẩu\" ở trang đăng nhập và làm theo đường link gửi qua email.",
    "Sau năm lần nhập sai, tài khoản sẽ bị khóa 15 phút.",
    "Thông tin đăng nhập của tài khoản dịch vụ được lưu trong kho bí mật và không bao giờ gửi qua email.",
    "Mã PIN mới không được chứa chữ số lặp lại hoặc liên tiếp.",
]
CONF = [
    "Hãy giữ bí mật dữ liệu khách hàng và chỉ chia sẻ với đồng nghiệp cần dùng cho công việc.",
    "Không được gửi tài liệu đã phân loại mật tới email cá nhân.",
    "Làm sao gắn nhãn cho tài liệu mật? Dùng nút Sensitivity trong Office và chọn mức phù hợp.",
    "\"Lưu hành nội bộ\" nghĩa là tài liệu có thể chia sẻ với nhân viên và nhà thầu, nhưng không gửi cho khách hàng hay đối tác.",
    "Chính sách phân loại thông tin của công ty có bốn mức: Công khai, Nội bộ, Mật và Tối mật.",
    "Nếu thấy bản in mật bị bỏ quên ở máy in, hãy mang đến phòng hành chính.",
    "Nghĩa vụ bảo mật vẫn còn hiệu lực sau khi bạn nghỉ việc.",
    "Đừng dán thông tin mật vào các công cụ dịch bên ngoài.",
    "Hỏi ý kiến người phụ trách trước khi chuyển tiếp tài liệu hạn chế.",
    "Mẫu thỏa thuận bảo mật (NDA) có trên trang nội bộ của phòng pháp chế.",
    "Phân loại tệp theo hướng dẫn trước khi tải lên SharePoint.",
    "Khóa đào tạo về xử lý thông tin nhạy cảm là bắt buộc với nhân viên mới.",
]
LOOK = [
    "Đơn hàng {order} đã được giao cho đơn vị vận chuyển, mã vận đơn {track}.",
    "Mình đã mở ticket {inc} cho lỗi VPN.",
    "Bản sửa nằm trong commit {commit} trên nhánh main.",
    "Mã kiểm tra SHA-256 của bộ cài: {sha}",
    "Vui lòng cài phiên bản {ver} của ứng dụng.",
    "Cuốn sách bạn yêu cầu (ISBN {isbn}) đã có ở thư viện.",
    "Cuộc họp ở phòng {room} lúc {time} ngày {date}.",
    "Liên hệ bộ phận tòa nhà qua số máy lẻ {ext}.",
    "Mã hàng {sku} hết hàng đến tháng sau.",
    "Hóa đơn {inv} đã thanh toán ngày {date}.",
    "Log nằm ở {path}.",
    "Hướng dẫn cài đặt: {url}",
    "Máy in tầng bạn là {host} ({ip}).",
    "Khung lương công bố: {band}.",
    "Công ty mở tài khoản doanh nghiệp tại {bankname}; chi tiết hỏi phòng tài chính.",
    "Vui lòng ghi mã yêu cầu {uuid} khi trả lời.",
    "Mã tài sản {asset} là máy tính quầy lễ tân, đơn mua hàng {po}.",
]


def BAND(r):
    g = r.randint(3, 9)
    lo = 10 + g * 4
    return f"Bậc {g}: {lo}–{lo + 12} triệu đồng/tháng"


HELP = {
    "leave": ["Nghỉ phép năm được đăng ký trên cổng nhân sự, mục Vắng mặt.", "Có thể nghỉ nửa ngày.", "Nghỉ trên năm ngày cần đăng ký trước ít nhất hai tuần."],
    "expenses": ["Đề nghị thanh toán chốt vào ngày cuối tháng và được chi vào ngày 25 tháng sau.", "Chỉ cần chụp hóa đơn và tải lên, không cần gửi bản gốc.", "Khoản chi trên 10 triệu đồng cần được duyệt trước."],
    "vpn": ["Mở ứng dụng VPN từ biểu tượng trên thanh tác vụ và chọn cổng gần nhất.", "Nếu không kết nối được, hãy đăng xuất khỏi ứng dụng rồi đăng nhập lại.", "Nếu Wi-Fi ở nhà chập chờn, thử cắm dây mạng hoặc phát từ điện thoại."],
    "laptop": ["Laptop được thay mới sau bốn năm sử dụng.", "Máy hỏng thì tạo yêu cầu sửa chữa trên cổng IT.", "Máy dự phòng sẽ sẵn sàng vào ngày làm việc kế tiếp."],
    "travel": ["Đặt công tác qua công cụ đặt vé để được bảo hiểm.", "Chuyến bay dưới sáu tiếng đi hạng phổ thông.", "Công tác nước ngoài phải được duyệt trước hai tuần."],
    "onboarding": ["Ngày đầu tiên, bạn đến quầy lễ tân trụ sở lúc 9:30.", "Thẻ nhân viên và laptop sẽ được bàn giao ngay ngày đầu.", "Tuần đầu có buổi giới thiệu nhóm và đào tạo an toàn thông tin."],
    "benefits": ["Khám sức khỏe định kỳ diễn ra vào tháng 10.", "Điểm phúc lợi hết hạn vào cuối năm tài chính.", "Phụ cấp làm việc tại nhà được trả hằng tháng cùng lương."],
}
