import type { CarFacts, MarketSpec, ModelRow } from "./market";
import { formatKm } from "./format";
import type { Random } from "./random";

const jt = 1_000_000;
const showroomDay = [{ open: "08:30", close: "17:00" }];

const models: ModelRow[] = [
  { make: "Toyota", model: "Avanza", body: "mpv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.3 E MT", fuel: "petrol", transmission: "manual", powerHp: 96, newPrice: 215 * jt },
    { variant: "1.5 G CVT", fuel: "petrol", transmission: "automatic", powerHp: 106, newPrice: 265 * jt },
  ] },
  { make: "Toyota", model: "Kijang Innova", body: "mpv", doors: 5, seats: 7, since: 2016, until: 2023, trims: [
    { variant: "2.0 G AT", fuel: "petrol", transmission: "automatic", powerHp: 139, newPrice: 390 * jt },
    { variant: "2.4 V AT Diesel", fuel: "diesel", transmission: "automatic", powerHp: 149, newPrice: 480 * jt },
  ] },
  { make: "Toyota", model: "Kijang Innova Zenix", body: "mpv", doors: 5, seats: 7, since: 2023, trims: [
    { variant: "2.0 Q HV CVT", fuel: "hybrid", transmission: "automatic", powerHp: 186, newPrice: 600 * jt },
  ] },
  { make: "Toyota", model: "Fortuner", body: "suv", doors: 5, seats: 7, since: 2016, trims: [
    { variant: "2.4 VRZ 4x2 AT", fuel: "diesel", transmission: "automatic", powerHp: 150, newPrice: 560 * jt },
    { variant: "2.8 GR Sport 4x4 AT", fuel: "diesel", transmission: "automatic", powerHp: 204, newPrice: 700 * jt },
  ] },
  { make: "Toyota", model: "Rush", body: "suv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.5 G MT", fuel: "petrol", transmission: "manual", powerHp: 104, newPrice: 255 * jt },
    { variant: "1.5 S GR Sport AT", fuel: "petrol", transmission: "automatic", powerHp: 104, newPrice: 290 * jt },
  ] },
  { make: "Toyota", model: "Calya", body: "mpv", doors: 5, seats: 7, since: 2017, trims: [
    { variant: "1.2 G MT", fuel: "petrol", transmission: "manual", powerHp: 88, newPrice: 165 * jt },
    { variant: "1.2 G AT", fuel: "petrol", transmission: "automatic", powerHp: 88, newPrice: 175 * jt },
  ] },
  { make: "Toyota", model: "Vios", body: "sedan", doors: 4, seats: 5, since: 2017, trims: [
    { variant: "1.5 G CVT", fuel: "petrol", transmission: "automatic", powerHp: 107, newPrice: 330 * jt },
  ] },
  { make: "Toyota", model: "Hilux", body: "pickup", doors: 4, seats: 5, since: 2016, trims: [
    { variant: "2.4 D-Cab V 4x4 AT", fuel: "diesel", transmission: "automatic", powerHp: 150, newPrice: 560 * jt },
    { variant: "2.4 S-Cab E MT", fuel: "diesel", transmission: "manual", powerHp: 150, newPrice: 390 * jt },
  ] },
  { make: "Daihatsu", model: "Xenia", body: "mpv", doors: 5, seats: 7, since: 2019, trims: [
    { variant: "1.3 R MT", fuel: "petrol", transmission: "manual", powerHp: 96, newPrice: 230 * jt },
    { variant: "1.5 R ADS CVT", fuel: "petrol", transmission: "automatic", powerHp: 106, newPrice: 270 * jt },
  ] },
  { make: "Daihatsu", model: "Ayla", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "1.2 R MT", fuel: "petrol", transmission: "manual", powerHp: 88, newPrice: 165 * jt },
    { variant: "1.2 R AT", fuel: "petrol", transmission: "automatic", powerHp: 88, newPrice: 175 * jt },
  ] },
  { make: "Daihatsu", model: "Sigra", body: "mpv", doors: 5, seats: 7, since: 2017, trims: [
    { variant: "1.2 R MT", fuel: "petrol", transmission: "manual", powerHp: 88, newPrice: 165 * jt },
    { variant: "1.2 R AT", fuel: "petrol", transmission: "automatic", powerHp: 88, newPrice: 175 * jt },
  ] },
  { make: "Daihatsu", model: "Terios", body: "suv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.5 R AT", fuel: "petrol", transmission: "automatic", powerHp: 104, newPrice: 280 * jt },
  ] },
  { make: "Daihatsu", model: "Gran Max", body: "van", doors: 4, seats: 2, since: 2017, trims: [
    { variant: "Blind Van 1.3 MT", fuel: "petrol", transmission: "manual", powerHp: 96, newPrice: 190 * jt },
  ] },
  { make: "Honda", model: "Brio", body: "hatchback", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "Satya E CVT", fuel: "petrol", transmission: "automatic", powerHp: 90, newPrice: 185 * jt },
    { variant: "RS CVT", fuel: "petrol", transmission: "automatic", powerHp: 90, newPrice: 240 * jt },
  ] },
  { make: "Honda", model: "HR-V", body: "suv", doors: 5, seats: 5, since: 2018, trims: [
    { variant: "1.5 E CVT", fuel: "petrol", transmission: "automatic", powerHp: 120, newPrice: 360 * jt },
    { variant: "1.5 SE CVT", fuel: "petrol", transmission: "automatic", powerHp: 121, newPrice: 400 * jt },
  ] },
  { make: "Honda", model: "Jazz", body: "hatchback", doors: 5, seats: 5, since: 2018, until: 2021, trims: [
    { variant: "1.5 RS CVT", fuel: "petrol", transmission: "automatic", powerHp: 120, newPrice: 290 * jt },
  ] },
  { make: "Honda", model: "Mobilio", body: "mpv", doors: 5, seats: 7, since: 2017, trims: [
    { variant: "1.5 E MT", fuel: "petrol", transmission: "manual", powerHp: 118, newPrice: 235 * jt },
    { variant: "1.5 RS CVT", fuel: "petrol", transmission: "automatic", powerHp: 118, newPrice: 275 * jt },
  ] },
  { make: "Honda", model: "CR-V", body: "suv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.5 Turbo Prestige", fuel: "petrol", transmission: "automatic", powerHp: 190, newPrice: 620 * jt },
    { variant: "2.0 CVT", fuel: "petrol", transmission: "automatic", powerHp: 154, newPrice: 520 * jt },
  ] },
  { make: "Honda", model: "Civic", body: "sedan", doors: 4, seats: 5, since: 2017, trims: [
    { variant: "1.5 Turbo RS CVT", fuel: "petrol", transmission: "automatic", powerHp: 180, newPrice: 590 * jt },
  ] },
  { make: "Mitsubishi", model: "Xpander", body: "mpv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.5 Exceed MT", fuel: "petrol", transmission: "manual", powerHp: 105, newPrice: 265 * jt },
    { variant: "1.5 Ultimate CVT", fuel: "petrol", transmission: "automatic", powerHp: 105, newPrice: 310 * jt },
  ] },
  { make: "Mitsubishi", model: "Pajero Sport", body: "suv", doors: 5, seats: 7, since: 2016, trims: [
    { variant: "2.4 Dakar 4x2 AT", fuel: "diesel", transmission: "automatic", powerHp: 181, newPrice: 620 * jt },
    { variant: "2.4 Exceed 4x2 MT", fuel: "diesel", transmission: "manual", powerHp: 136, newPrice: 500 * jt },
  ] },
  { make: "Suzuki", model: "Ertiga", body: "mpv", doors: 5, seats: 7, since: 2018, trims: [
    { variant: "1.5 GX MT", fuel: "petrol", transmission: "manual", powerHp: 104, newPrice: 245 * jt },
    { variant: "1.5 GX AT", fuel: "petrol", transmission: "automatic", powerHp: 104, newPrice: 260 * jt },
  ] },
  { make: "Suzuki", model: "Carry Pick Up", body: "pickup", doors: 2, seats: 2, since: 2019, trims: [
    { variant: "1.5 Flat Deck MT", fuel: "petrol", transmission: "manual", powerHp: 97, newPrice: 165 * jt },
  ] },
  { make: "Wuling", model: "Almaz", body: "suv", doors: 5, seats: 7, since: 2019, trims: [
    { variant: "1.5 RS Pro CVT", fuel: "petrol", transmission: "automatic", powerHp: 140, newPrice: 370 * jt },
  ] },
  { make: "Wuling", model: "Air ev", body: "hatchback", doors: 3, seats: 4, since: 2022, trims: [
    { variant: "Long Range", fuel: "electric", transmission: "automatic", powerHp: 40, newPrice: 300 * jt },
  ] },
];

const colorWord: Record<string, string> = {
  black: "hitam", white: "putih", grey: "abu-abu", silver: "silver", blue: "biru", red: "merah", brown: "coklat",
};

// Surabaya registers with "L"; Sidoarjo and Gresik cars bought here carry "W"
function indonesianPlate(r: Random): string {
  const region = r.chance(0.85) ? "L" : "W";
  const suffix = Array.from({ length: r.int(1, 3) }, () => r.pick([..."ABCDEFGHJKLMNPRSTUVWXYZ"])).join("");
  return `${region} ${r.int(1000, 9999)} ${suffix}`;
}

function fuelSentence(car: CarFacts): string {
  if (car.fuel === "electric") return "Mobil listrik yang irit, bebas ganjil-genap dan pajaknya ringan.";
  if (car.fuel === "hybrid") return "Mesin hybrid yang sangat irit BBM untuk pemakaian harian di kota.";
  if (car.fuel === "diesel") return "Mesin diesel bertenaga dan irit, cocok untuk perjalanan luar kota.";
  return car.transmission === "automatic" ? "Transmisi matic yang nyaman untuk macetnya Surabaya." : "Transmisi manual yang responsif dan biaya perawatan murah.";
}

export const id: MarketSpec = {
  tenant: {
    slug: "demo-id",
    name: "Showroom Mobil Surabaya",
    locale: "id-ID",
    language: "id",
    currency: "IDR",
    timeZone: "Asia/Jakarta",
    country: "ID",
    address: { street: "Jl. Ahmad Yani No. 212", city: "Surabaya", postalCode: "60234", country: "ID" },
    geo: { lat: -7.3168, lng: 112.7341 },
    phone: "62318412345",
    businessHours: {
      mon: showroomDay, tue: showroomDay, wed: showroomDay, thu: showroomDay, fri: showroomDay, sat: showroomDay,
      sun: [{ open: "09:00", close: "15:00" }],
    },
    branding: { primaryColor: "#b91c1c", accentColor: "#facc15" },
    whatsapp: { phoneNumberId: "100000000000003", displayPhone: "6281130001234" },
    ownerWhatsApp: "6281100000001",
    fonnteDevice: "628123456789",
    feedSecret: "dev-feed-demo-id",
    financing: { ratePct: 8.5, termMonths: 48, downPaymentPct: 25 },
  },
  staff: [
    { name: "Hendra Wijaya", email: "owner@demo-id.test", role: "owner", whatsapp: "6281100000001" },
    { name: "Siti Rahmawati", email: "manager@demo-id.test", role: "manager", whatsapp: "6281100000002" },
    { name: "Agus Santoso", email: "sales1@demo-id.test", role: "sales", whatsapp: "6281100000003" },
    { name: "Dewi Lestari", email: "sales2@demo-id.test", role: "sales", whatsapp: "6281100000004" },
  ],
  customers: [
    "Budi Setiawan", "Rina Kusuma", "Andi Pratama", "Fitri Handayani", "Yohanes Tanoto", "Sri Wahyuni", "Ahmad Fauzi", "Lestari Ningsih",
    "Michael Gunawan", "Nur Hidayah", "Rizky Ramadhan", "Putri Maharani", "Eko Prasetyo", "Wulan Sari", "Joko Susilo", "Mega Puspita",
    "Hadi Kurniawan", "Ratna Dewi", "Fajar Nugroho", "Anisa Rahma", "Yusuf Hakim", "Linda Halim", "Dimas Saputra", "Indah Permata",
    "Teguh Wibowo", "Novita Anggraini", "Slamet Riyadi", "Kevin Tjandra", "Maya Sulistyowati", "Imam Syafii", "Bambang Hartono", "Sutrisno",
  ],
  mobileNumber: (r) => `628${r.pick(["11", "12", "13", "21", "22", "52", "53", "57", "58", "77", "78", "95", "96"])}${r.int(10_000_000, 99_999_999)}`,
  models,
  colors: ["white", "white", "white", "white", "black", "black", "black", "silver", "silver", "grey", "grey", "red", "brown"],
  plate: indonesianPlate,
  stockPrefix: "SMS",
  pricing: {
    kmPerYear: 12_000,
    ages: [1, 9],
    firstYearRetention: 0.88,
    yearlyRetention: 0.95,
    round: (p) => Math.round(p / (5 * jt)) * 5 * jt,
    roundCost: (p) => Math.round(p / jt) * jt,
    roundBudget: (p) => Math.round(p / (10 * jt)) * 10 * jt,
  },
  features: [
    ["Head unit layar sentuh"], ["Apple CarPlay & Android Auto"], ["Kamera mundur"], ["Sensor parkir belakang"], ["Lampu LED"],
    ["Velg alloy"], ["Dual SRS airbag"], ["ABS + EBD"], ["Spion lipat elektrik"], ["Keyless entry & push start button"],
    ["Servis record resmi"], ["Ban baru"],
    ["Cruise control", (c) => c.transmission === "automatic"],
    ["AC double blower", (c) => c.seats >= 7],
    ["Jok kulit", (c) => c.body === "suv" || c.body === "sedan"],
    ["Sunroof", (c) => c.body === "suv"],
    ["Power back door", (c) => c.body === "suv"],
    ["Kabel charger bawaan", (c) => c.fuel === "electric"],
    ["Bak kargo luas", (c) => c.body === "pickup" || c.body === "van"],
  ],
  describe: (car, r) => {
    const km = formatKm(car.mileageKm, "IDR");
    return r.pick([
      `Dijual ${car.make} ${car.model} ${car.variant} tahun ${car.year}, warna ${colorWord[car.color] ?? car.color}, kilometer ${km}. ${fuelSentence(car)} Surat-surat lengkap, pajak hidup, siap pakai.`,
      `${car.make} ${car.model} ${car.year} kondisi istimewa, tangan pertama dari baru dan rutin servis di bengkel resmi. ${fuelSentence(car)} Bisa kredit dengan DP ringan, tukar tambah juga bisa.`,
      `Unit ${car.make} ${car.model} ${car.variant} ${car.year} ready di showroom kami di Jl. Ahmad Yani, Surabaya. ${fuelSentence(car)} Bebas banjir dan tabrak, silakan cek langsung atau bawa inspektor sendiri.`,
    ]);
  },
  chat: {
    opener: (c) => [`Halo, ${c.title} masih ada?`, `Selamat siang, ${c.title} yang di OLX masih ready?`, `Permisi kak, unit ${c.title} masih tersedia?`],
    offer: (c) => `Halo Kak, terima kasih sudah menghubungi kami! *${c.title}* tahun ${c.year} (${c.code}) masih tersedia dengan harga ${c.price}, kilometer ${c.km}. Mau jadwalkan test drive?`,
    askDetails: ["Servis rutin di bengkel resmi? Bekas banjir atau tabrakan tidak?", "Pajak masih hidup? Tangan ke berapa?"],
    details: (c) => `${c.title} (${c.code}) servis rutin di bengkel resmi, bebas banjir dan tabrakan, kilometer ${c.km}. Pajak hidup dan surat-surat lengkap.`,
    statesBudget: (b) => [`Budget saya sekitar ${b}. Ada pilihan lain?`, `Kalau dana ${b}, dapat unit apa ya?`],
    suggest: (cars) => `Untuk budget tersebut ada ${cars.map((c) => `${c.title} ${c.year} (${c.code}) harga ${c.price}`).join(" dan ")}. Mau saya kirimkan fotonya?`,
    thinking: ["Oke, saya pikir-pikir dulu ya.", "Baik, saya diskusikan dulu dengan istri."],
    askTestDrive: ["Bisa test drive kapan ya?", "Boleh test drive minggu ini?"],
    offerSlots: (s) => `Bisa Kak! Jadwal yang tersedia ${s.join(" atau ")}. Mana yang paling cocok?`,
    pickSlot: (s) => `${s.split(" pukul ")[0]} saja.`,
    bookedEvent: (s, staff) => `Test drive dijadwalkan: ${s} dengan ${staff}`,
    booked: (s) => `Siap, test drive dijadwalkan ${s}. Jangan lupa bawa SIM ya Kak. Sampai jumpa!`,
    askDiscount: ["Harga masih bisa nego? Saya ada mobil lama untuk tukar tambah.", "Kalau cash bisa kurang berapa? Kalau kredit DP minimal berapa?"],
    handover: (n) => `Untuk nego harga dan tukar tambah, rekan saya ${n} akan menghubungi Kakak langsung ya.`,
    handoverEvent: (n) => `Percakapan diambil alih oleh ${n}`,
    staffOffer: (c, p) => `Halo Kak, untuk ${c.title} (${c.code}) bisa kami kasih ${p} sudah termasuk balik nama. Kapan bisa mampir ke showroom?`,
    accepts: ["Oke deal, kapan unitnya bisa diambil?", "Baik, saya ambil."],
    staffWon: (n) => `Selamat atas mobil barunya, Kak ${n}! Terima kasih sudah membeli di Showroom Mobil Surabaya.`,
    declines: ["Terima kasih, tapi saya sudah dapat mobil di tempat lain.", "Maaf, saya batal dulu, dananya belum cukup."],
    afterLost: "Baik Kak, terima kasih infonya. Kalau nanti butuh mobil lagi, kami siap membantu!",
    slotJoiner: "pukul",
  },
  inquiry: {
    website: (car) => `Saya tertarik dengan ${car}. Bisa test drive hari Minggu? Mau tukar tambah Avanza 2015.`,
    email: (car) => `Lead baru dari OLX Autos — ${car}: "Apakah unit masih tersedia? Harga pas berapa?"`,
    facebook: (car) => `Formulir Facebook: tertarik ${car}, minta simulasi kredit DP 25%.`,
    phone: (car) => `Telepon tentang ${car}. Minta ditelepon balik sore ini soal simulasi kredit.`,
    walk_in: (car) => `Datang ke showroom: lihat ${car}, akan kembali bersama keluarga.`,
  },
  lostReasons: ["Sudah beli di tempat lain", "Harga terlalu mahal", "Tidak ada respon", "Kredit ditolak leasing", "Harga tukar tambah terlalu rendah"],
};
