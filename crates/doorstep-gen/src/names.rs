//! Name pools for the communities a California canvass actually meets.
//!
//! Each pool pairs a Latin spelling (as a county registrar would key it in)
//! with the native-script spelling of the *same* name, so a generated
//! `native_name` is always a plausible original of the Latin name next to it.
//!
//! Pools are written as compact `|`-separated tables (`Latin=Native`) and
//! parsed once into [`Pool`]s; the tables stay readable and easy to extend,
//! and the generator indexes plain slices at run time.

/// A language community. The discriminant indexes [`POOLS`] and the pools
/// built from it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Community {
    English,
    Spanish,
    Mandarin,
    Cantonese,
    Vietnamese,
    Korean,
    Tagalog,
    Armenian,
    Persian,
    Arabic,
    Khmer,
    Punjabi,
    Russian,
    Japanese,
    Hindi,
    Hmong,
    Thai,
}

/// How a community writes a full name in its own script.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NativeScript {
    /// Latin-script community whose file spelling already is the native one
    /// (English, Spanish, Tagalog, Hmong): no separate native name.
    None,
    /// Vietnamese: the native name is the Latin name with its diacritics,
    /// written family-first.
    LatinFamilyFirst,
    /// Family name first; the separator is "" for Chinese and Korean, " " for
    /// Japanese.
    FamilyFirst(&'static str),
    /// Given name(s) first, space separated.
    GivenFirst,
}

/// Static description of one community's pool.
pub(crate) struct PoolDef {
    pub community: Community,
    /// BCP-47 tag written to the Language column; "" for English.
    pub tag: &'static str,
    /// Relative share of California voters, per mille. Roughly follows ACS
    /// "language spoken at home" counts, damped for citizenship/registration.
    pub weight: u32,
    /// Share of the community's first-generation voters who ask for
    /// materials in the community language rather than English.
    pub prefers_native: f64,
    pub script: NativeScript,
    pub family: &'static str,
    pub given_m: &'static str,
    pub given_f: &'static str,
    /// Names used for either sex.
    pub given_u: &'static str,
}

/// One name, Latin and native spellings of the same thing.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Name {
    pub latin: &'static str,
    pub native: &'static str,
}

/// A parsed pool, ready for uniform picks.
pub(crate) struct Pool {
    pub def: &'static PoolDef,
    pub family: Vec<Name>,
    /// Male and unisex given names.
    pub male: Vec<Name>,
    /// Female and unisex given names.
    pub female: Vec<Name>,
}

impl Pool {
    fn parse(def: &'static PoolDef) -> Pool {
        let unisex = parse_table(def.given_u, def.script);
        let mut male = parse_table(def.given_m, def.script);
        male.extend_from_slice(&unisex);
        let mut female = parse_table(def.given_f, def.script);
        female.extend_from_slice(&unisex);
        Pool {
            def,
            family: parse_table(def.family, def.script),
            male,
            female,
        }
    }

    pub fn has_native(&self) -> bool {
        self.def.script != NativeScript::None
    }
}

pub(crate) fn build_pools() -> Vec<Pool> {
    POOLS
        .iter()
        .enumerate()
        .map(|(i, def)| {
            // The generator indexes pools by discriminant; a table out of
            // order would silently swap communities.
            assert_eq!(def.community as usize, i, "POOLS out of order");
            Pool::parse(def)
        })
        .collect()
}

fn parse_table(table: &'static str, script: NativeScript) -> Vec<Name> {
    table
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|entry| match entry.split_once('=') {
            Some((latin, native)) => Name { latin, native },
            None => Name {
                latin: entry,
                native: match script {
                    NativeScript::LatinFamilyFirst => entry,
                    _ => "",
                },
            },
        })
        .collect()
}

/// Russian family names agree with the bearer's sex (Petrov / Petrova);
/// Ukrainian -enko/-uk names do not change.
pub(crate) fn russian_feminine(name: Name) -> (String, String) {
    fn fem(s: &str, pairs: &[(&str, &str)]) -> String {
        for (masc, fem) in pairs {
            if let Some(stem) = s.strip_suffix(masc) {
                return format!("{stem}{fem}");
            }
        }
        s.to_string()
    }
    (
        fem(
            name.latin,
            &[
                ("sky", "skaya"),
                ("ov", "ova"),
                ("ev", "eva"),
                ("in", "ina"),
                ("yn", "yna"),
            ],
        ),
        fem(
            name.native,
            &[
                ("ский", "ская"),
                ("ов", "ова"),
                ("ев", "ева"),
                ("ин", "ина"),
                ("ын", "ына"),
            ],
        ),
    )
}

/// Vietnamese middle names carry the bearer's sex (Văn / Thị).
pub(crate) const VI_MIDDLE_M: &[&str] = &[
    "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Đình",
];
pub(crate) const VI_MIDDLE_F: &[&str] = &[
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Kim", "Bích", "Mỹ", "Hồng",
];

/// Sikh men carry Singh and women Kaur, as a middle or as the family name.
pub(crate) const SINGH: Name = Name {
    latin: "Singh",
    native: "ਸਿੰਘ",
};
pub(crate) const KAUR: Name = Name {
    latin: "Kaur",
    native: "ਕੌਰ",
};

pub(crate) const POOLS: &[PoolDef] = &[
    PoolDef {
        community: Community::English,
        tag: "",
        weight: 520,
        prefers_native: 0.0,
        script: NativeScript::None,
        family: "Smith|Johnson|Williams|Brown|Jones|Miller|Davis|Wilson|Anderson|Taylor|Thomas|\
            Moore|Jackson|Martin|Thompson|White|Harris|Clark|Lewis|Robinson|Walker|Young|Allen|King|\
            Wright|Scott|Hill|Green|Adams|Baker|Nelson|Carter|Mitchell|Roberts|Campbell|Parker|Evans|\
            Edwards|Collins|Stewart|Murphy|Cook|Rogers|Morgan|Cooper|Peterson|Bailey|Reed|Kelly|\
            Howard|O'Brien|O'Connor|O'Neill|D'Angelo|McDonald|MacKenzie|Van Dyke|Washington|\
            Jefferson|Coleman|Jenkins|Sullivan|Schneider|Olsen|Larson|Fischer|Goldberg|Cohen|Russo|\
            Taylor-Brooks|Smith-Jones|St. Clair",
        given_m: "James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Christopher|Daniel|\
            Matthew|Anthony|Mark|Steven|Paul|Andrew|Joshua|Kevin|Brian|Ryan|Jason|Justin|Tyler|\
            Brandon|Ethan|Noah|Liam|Dylan|Jacob|Gary|Dennis|Gregory|Patrick|Sean|Jeffrey|Scott|Eric|\
            Aaron|Nathan",
        given_f: "Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|\
            Lisa|Betty|Margaret|Ashley|Emily|Michelle|Amanda|Stephanie|Melissa|Nicole|Rebecca|Laura|\
            Megan|Hannah|Olivia|Emma|Madison|Chloe|Zoë|Renée|Christine|Deborah|Rachel|Katherine|Amy|\
            Samantha|Grace",
        given_u: "Jordan|Taylor|Morgan|Casey|Alex|Jamie",
    },
    PoolDef {
        community: Community::Spanish,
        tag: "es",
        weight: 250,
        prefers_native: 0.40,
        script: NativeScript::None,
        family: "García|Rodríguez|Martínez|Hernández|López|González|Pérez|Sánchez|Ramírez|Torres|\
            Flores|Rivera|Gómez|Díaz|Cruz|Reyes|Morales|Ortiz|Gutiérrez|Chávez|Ramos|Ruiz|Álvarez|\
            Mendoza|Vásquez|Castillo|Jiménez|Moreno|Romero|Herrera|Medina|Aguilar|Vargas|Guzmán|\
            Muñoz|Salazar|Delgado|Castro|Contreras|Ávila|Navarro|Rojas|Ochoa|Zúñiga|Núñez|Peña|\
            De La Cruz|Valenzuela|Ibarra|Cervantes|Estrada|Orozco|Cárdenas|Domínguez|Fuentes|\
            Espinoza|Velásquez|Del Río|Magaña|Quiñónez",
        given_m: "José|Juan|Luis|Carlos|Jesús|Miguel|Francisco|Jorge|Antonio|Alejandro|Manuel|\
            Ricardo|Fernando|Javier|Eduardo|Roberto|Daniel|Óscar|Raúl|Sergio|Héctor|Rubén|Andrés|\
            Ángel|Martín|Ramón|Joaquín|Efraín|Adrián|Iván|Julián|Sebastián|Mateo|Diego|Arturo|\
            Rogelio|Gerardo|Salvador|Armando|Alfredo",
        given_f: "María|Guadalupe|Ana|Rosa|Carmen|Leticia|Verónica|Adriana|Gabriela|Patricia|\
            Alejandra|Claudia|Sofía|Mónica|Lucía|Beatriz|Norma|Yolanda|Elena|Marisol|Raquel|Silvia|\
            Valeria|Ximena|Daniela|Jimena|Inés|Dolores|Araceli|Itzel|Citlali|Maricela|Yesenia|\
            Esperanza|Socorro",
        given_u: "",
    },
    PoolDef {
        community: Community::Mandarin,
        tag: "zh-Hans",
        weight: 28,
        prefers_native: 0.55,
        script: NativeScript::FamilyFirst(""),
        family: "Wang=王|Li=李|Zhang=张|Liu=刘|Chen=陈|Yang=杨|Zhao=赵|Huang=黄|Zhou=周|Wu=吴|\
            Xu=徐|Sun=孙|Hu=胡|Zhu=朱|Gao=高|Lin=林|He=何|Guo=郭|Ma=马|Luo=罗|Liang=梁|Song=宋|\
            Zheng=郑|Xie=谢|Han=韩|Tang=唐|Feng=冯|Yu=于|Dong=董|Cao=曹",
        given_m: "Wei=伟|Qiang=强|Lei=磊|Jun=军|Yong=勇|Jie=杰|Tao=涛|Ming=明|Chao=超|Gang=刚|\
            Jianhua=建华|Xiaoming=晓明|Wenbo=文博|Haoran=浩然|Junjie=俊杰|Zhiqiang=志强|Yifan=一帆",
        given_f: "Fang=芳|Na=娜|Xiuying=秀英|Min=敏|Jing=静|Li=丽|Yan=艳|Xiulan=秀兰|Xia=霞|\
            Haiyan=海燕|Yutong=雨桐|Xinyi=欣怡|Zixuan=梓萱|Meiling=美玲|Shuang=爽",
        given_u: "Ping=平|Zihan=子涵",
    },
    PoolDef {
        community: Community::Cantonese,
        tag: "zh-Hant",
        weight: 24,
        prefers_native: 0.60,
        script: NativeScript::FamilyFirst(""),
        family: "Chan=陳|Wong=黃|Lee=李|Cheung=張|Leung=梁|Lam=林|Lau=劉|Ng=吳|Ho=何|Cheng=鄭|\
            Yeung=楊|Chow=周|Law=羅|Ma=馬|Chu=朱|Kwok=郭|Mak=麥|Tse=謝|Tam=譚|Tang=鄧|Tsang=曾|\
            Choi=蔡|Yip=葉|Fung=馮|Kwan=關|Lo=盧|Louie=雷|Fong=方|Mok=莫|Yu=余",
        given_m: "Wai Ming=偉明|Ka Ho=家豪|Chi Keung=志強|Kwok Wah=國華|Chun Kit=俊傑|Kin Wah=建華|\
            Tak Ming=德明|Kwok Keung=國強|Man Fai=文輝|Wing Hong=永康|Ka Ming=家明|Chi Ming=志明|\
            Ming=明",
        given_f: "Mei Ling=美玲|Ka Yan=嘉欣|Wing Sze=詠詩|Sau Ying=秀英|Lai Chun=麗珍|Po Yee=寶儀|\
            Yuk Lan=玉蘭|Wai Fong=惠芳|Suk Yee=淑儀|Fung Yee=鳳儀|Mei Wah=美華|Sau Chun=秀珍|\
            Wai Man=慧敏|Hoi Yan=凱欣",
        given_u: "Siu Wah=少華",
    },
    PoolDef {
        community: Community::Vietnamese,
        tag: "vi",
        weight: 28,
        prefers_native: 0.55,
        script: NativeScript::LatinFamilyFirst,
        family: "Nguyễn|Nguyễn|Nguyễn|Trần|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|\
            Ngô|Dương|Lý|Trương|Đinh|Lâm|Mai|Tô|Châu|Lưu|Cao|Tạ|Đoàn|La|Quách",
        given_m: "An|Bảo|Dũng|Đức|Hải|Hùng|Huy|Khánh|Long|Minh|Nam|Phong|Phúc|Quang|Sơn|Thành|\
            Trung|Tuấn|Việt|Vinh|Hiếu|Khoa|Tài|Thắng|Cường|Đạt|Hoàng|Kiệt",
        given_f: "Hương|Hoa|Lan|Linh|Mai|Nhung|Phương|Thảo|Trang|Thủy|Vy|Yến|Hằng|Hạnh|Loan|Hà|\
            Diễm|Ngân|Uyên|Quỳnh|Thu|Tuyết|Nga|Hồng|Oanh|Xuân",
        given_u: "Anh|Tâm|Ngọc|Thanh",
    },
    PoolDef {
        community: Community::Korean,
        tag: "ko",
        weight: 18,
        prefers_native: 0.55,
        script: NativeScript::FamilyFirst(""),
        family: "Kim=김|Kim=김|Lee=이|Lee=이|Park=박|Choi=최|Jung=정|Kang=강|Cho=조|Yoon=윤|Jang=장|\
            Lim=임|Han=한|Oh=오|Seo=서|Shin=신|Kwon=권|Hwang=황|Ahn=안|Song=송|Yoo=유|Hong=홍|\
            Jeon=전|Ko=고|Moon=문|Yang=양|Son=손|Bae=배|Baek=백|Huh=허|Nam=남|Noh=노",
        given_m: "Minjun=민준|Ji-hoon=지훈|Hyun Woo=현우|Young-ho=영호|Jae-won=재원|Sung-min=성민|\
            Dong-hyun=동현|Sang-woo=상우|Jin-ho=진호|Kyung-soo=경수|Seung-hoon=승훈|Jong-min=종민|\
            Joon-ho=준호|Byung-chul=병철|Tae-yang=태양|Sung-ho=성호|Jae-hyun=재현|Kwang-soo=광수",
        given_f: "Seo-yeon=서연|Soo-jin=수진|Mi-kyung=미경|Eun-ji=은지|Hye-jin=혜진|Ji-young=지영|\
            Yuna=유나|Min-ji=민지|Eun-young=은영|Hae-won=해원|Young-hee=영희|Sun-hee=선희|\
            Jiyeon=지연|Soo-ah=수아|Mi-sook=미숙|Kyung-hee=경희|Ha-eun=하은",
        given_u: "Ji-woo=지우|Yeon-woo=연우|Ha-neul=하늘",
    },
    PoolDef {
        community: Community::Tagalog,
        tag: "tl",
        weight: 36,
        prefers_native: 0.25,
        script: NativeScript::None,
        family: "Santos|Reyes|Cruz|Bautista|Garcia|Mendoza|Ramos|Aquino|Castillo|Villanueva|\
            Dela Cruz|De Leon|Fernandez|Gonzales|Lopez|Tolentino|Manalo|Pascual|Soriano|Salazar|\
            Domingo|Mercado|Navarro|Flores|Agustin|Macaraeg|Dimaculangan|Magbanua|Lacson|Tan|\
            Pangilinan|Macapagal|Dizon|Galang|Sison|Evangelista|Buenaventura|Del Rosario",
        given_m: "Jose|Juan|Ricardo|Rommel|Marvin|Jerome|Rodel|Ernesto|Rogelio|Danilo|Edgardo|\
            Reynaldo|Arnel|Joel|Ramil|Jun|Noel|Romeo|Efren|Benigno|Ferdinand|Rolando|Nestor|\
            Virgilio|Jericho",
        given_f: "Maria|Rowena|Maricel|Lorna|Josephine|Cristina|Analyn|Jocelyn|Marites|Rosario|\
            Imelda|Corazon|Lourdes|Marilou|Charmaine|Kristine|Leonora|Teresita|Editha|Evangeline|\
            Girlie|Jovelyn|Rhodora|Perla|Divina",
        given_u: "",
    },
    PoolDef {
        community: Community::Armenian,
        tag: "hy",
        weight: 12,
        prefers_native: 0.45,
        script: NativeScript::GivenFirst,
        family: "Hovhannisyan=Հովհաննիսյան|Petrosyan=Պետրոսյան|Sargsyan=Սարգսյան|\
            Harutyunyan=Հարությունյան|Grigoryan=Գրիգորյան|Khachatryan=Խաչատրյան|Hakobyan=Հակոբյան|\
            Vardanyan=Վարդանյան|Karapetyan=Կարապետյան|Gevorgyan=Գևորգյան|Avetisyan=Ավետիսյան|\
            Mkrtchyan=Մկրտչյան|Ghazaryan=Ղազարյան|Poghosyan=Պողոսյան|Manukyan=Մանուկյան|\
            Martirosyan=Մարտիրոսյան|Stepanyan=Ստեփանյան|Baghdasaryan=Բաղդասարյան|\
            Arakelyan=Առաքելյան|Avakian=Ավագյան|Gasparian=Գասպարյան|Boyajian=Բոյաջյան|\
            Keshishian=Քեշիշյան|Manoukian=Մանուկյան",
        given_m: "Aram=Արամ|Armen=Արմեն|Hayk=Հայկ|Tigran=Տիգրան|Narek=Նարեկ|Davit=Դավիթ|\
            Gevorg=Գևորգ|Ashot=Աշոտ|Vahe=Վահե|Karen=Կարեն|Arman=Արման|Levon=Լևոն|Sevak=Սևակ|\
            Hovik=Հովիկ|Garnik=Գառնիկ",
        given_f: "Anahit=Անահիտ|Ani=Անի|Lusine=Լուսինե|Mariam=Մարիամ|Nare=Նարե|Armine=Արմինե|\
            Gayane=Գայանե|Hasmik=Հասմիկ|Siranush=Սիրանուշ|Tatevik=Տաթևիկ|Lilit=Լիլիթ|\
            Shushan=Շուշան|Nairi=Նաիրի|Talin=Թալին|Arpi=Արփի",
        given_u: "",
    },
    PoolDef {
        community: Community::Persian,
        tag: "fa",
        weight: 12,
        prefers_native: 0.40,
        script: NativeScript::GivenFirst,
        family: "Mohammadi=محمدی|Hosseini=حسینی|Ahmadi=احمدی|Rezaei=رضایی|Moradi=مرادی|\
            Karimi=کریمی|Jafari=جعفری|Rahimi=رحیمی|Hashemi=هاشمی|Sadeghi=صادقی|Kazemi=کاظمی|\
            Ebrahimi=ابراهیمی|Tehrani=تهرانی|Shirazi=شیرازی|Esfahani=اصفهانی|Amini=امینی|\
            Farahani=فراهانی|Nazari=نظری|Rostami=رستمی|Soltani=سلطانی|Khorasani=خراسانی|\
            Mirzaei=میرزایی|Zand=زند",
        given_m: "Reza=رضا|Ali=علی|Mohammad=محمد|Hossein=حسین|Mehdi=مهدی|Amir=امیر|\
            Dariush=داریوش|Kourosh=کوروش|Babak=بابک|Farhad=فرهاد|Arash=آرش|Behrouz=بهروز|\
            Hamid=حمید|Saeed=سعید",
        given_f: "Parisa=پریسا|Maryam=مریم|Fatemeh=فاطمه|Shirin=شیرین|Leila=لیلا|Nasrin=نسرین|\
            Roya=رویا|Mahnaz=مهناز|Azadeh=آزاده|Neda=ندا|Shadi=شادی|Golnaz=گلناز|Mina=مینا|\
            Ladan=لادن|Yasmin=یاسمین",
        given_u: "",
    },
    PoolDef {
        community: Community::Arabic,
        tag: "ar",
        weight: 9,
        prefers_native: 0.40,
        script: NativeScript::GivenFirst,
        family: "Al-Hassan=الحسن|Haddad=حداد|Khoury=خوري|Saleh=صالح|Ibrahim=إبراهيم|\
            Hussein=حسين|Abdullah=عبد الله|Mansour=منصور|Nasser=ناصر|Khalil=خليل|Youssef=يوسف|\
            Hamdan=حمدان|Aziz=عزيز|Salem=سالم|Al-Amin=الأمين|Darwish=درويش|Qasim=قاسم|Jaber=جابر|\
            Kassab=قصاب|Shamoun=شمعون|Yousif=يوسف|Al-Masri=المصري|Farah=فرح|Abboud=عبود|Odeh=عودة",
        given_m: "Mohamed=محمد|Ahmed=أحمد|Ali=علي|Omar=عمر|Khaled=خالد|Youssef=يوسف|\
            Ibrahim=إبراهيم|Hassan=حسن|Mahmoud=محمود|Sami=سامي|Karim=كريم|Tarek=طارق|Nabil=نبيل|\
            Fadi=فادي|Rami=رامي",
        given_f: "Fatima=فاطمة|Aisha=عائشة|Mariam=مريم|Layla=ليلى|Noor=نور|Rania=رانيا|Huda=هدى|\
            Samira=سميرة|Yasmin=ياسمين|Amira=أميرة|Salma=سلمى|Zainab=زينب|Dalia=داليا|Hala=هالة",
        given_u: "",
    },
    PoolDef {
        community: Community::Khmer,
        tag: "km",
        weight: 6,
        prefers_native: 0.50,
        script: NativeScript::GivenFirst,
        family: "Sok=សុខ|Chan=ចាន់|Kim=គីម|Meas=មាស|Heng=ហេង|Chea=ជា|Keo=កែវ|Prak=ប្រាក់|Ly=លី|\
            Seng=សេង|Chhay=ឆាយ|Touch=ទូច|Pich=ពេជ្រ|Mao=ម៉ៅ|Yim=យឹម|Vann=វណ្ណ",
        given_m: "Dara=ដារ៉ា|Rithy=រិទ្ធី|Visal=វិសាល|Kosal=កុសល|Veasna=វាសនា|Vichet=វិចិត្រ|\
            Sovann=សុវណ្ណ|Narith=ណារិទ្ធ",
        given_f: "Sophea=សោភា|Bopha=បុប្ផា|Channary=ចន្នារី|Sreymom=ស្រីមុំ|Pisey=ពិសី|\
            Thida=ធីតា|Chenda=ចិន្តា|Malis=ម្លិះ",
        given_u: "Sopheak=សុភ័ក្ត្រ|Vanna=វណ្ណា|Sokha=សុខា|Sothea=សុធា",
    },
    PoolDef {
        community: Community::Punjabi,
        tag: "pa",
        weight: 10,
        prefers_native: 0.45,
        script: NativeScript::GivenFirst,
        family: "Sandhu=ਸੰਧੂ|Gill=ਗਿੱਲ|Dhillon=ਢਿੱਲੋਂ|Sidhu=ਸਿੱਧੂ|Grewal=ਗਰੇਵਾਲ|Brar=ਬਰਾੜ|\
            Bains=ਬੈਂਸ|Johal=ਜੌਹਲ|Atwal=ਅਟਵਾਲ|Sangha=ਸੰਘਾ|Randhawa=ਰੰਧਾਵਾ|Cheema=ਚੀਮਾ|Mann=ਮਾਨ|\
            Sekhon=ਸੇਖੋਂ|Dhaliwal=ਧਾਲੀਵਾਲ|Bhullar=ਭੁੱਲਰ|Virk=ਵਿਰਕ|Hundal=ਹੁੰਦਲ|Kang=ਕੰਗ|\
            Aujla=ਔਜਲਾ|Sahota=ਸਹੋਤਾ|Purewal=ਪੁਰੇਵਾਲ",
        given_m: "Ranjit=ਰਣਜੀਤ|Gurinder=ਗੁਰਿੰਦਰ|Sandeep=ਸੰਦੀਪ|Jagdeep=ਜਗਦੀਪ|Balwinder=ਬਲਵਿੰਦਰ|\
            Harjinder=ਹਰਜਿੰਦਰ|Davinder=ਦਵਿੰਦਰ|Avtar=ਅਵਤਾਰ|Jasbir=ਜਸਬੀਰ|Karan=ਕਰਨ|Arjun=ਅਰਜੁਨ",
        given_f: "Simran=ਸਿਮਰਨ|Harleen=ਹਰਲੀਨ|Navneet=ਨਵਨੀਤ|Rajwinder=ਰਾਜਵਿੰਦਰ|Sukhjeet=ਸੁਖਜੀਤ|\
            Jasleen=ਜਸਲੀਨ|Amrit=ਅੰਮ੍ਰਿਤ|Mandeep=ਮਨਦੀਪ|Gurleen=ਗੁਰਲੀਨ|Kiranjit=ਕਿਰਨਜੀਤ",
        given_u: "Gurpreet=ਗੁਰਪ੍ਰੀਤ|Harpreet=ਹਰਪ੍ਰੀਤ|Manpreet=ਮਨਪ੍ਰੀਤ|Jaspreet=ਜਸਪ੍ਰੀਤ|\
            Amandeep=ਅਮਨਦੀਪ|Navdeep=ਨਵਦੀਪ|Kuldeep=ਕੁਲਦੀਪ|Jaswinder=ਜਸਵਿੰਦਰ|Paramjit=ਪਰਮਜੀਤ|\
            Sukhwinder=ਸੁਖਵਿੰਦਰ|Baljit=ਬਲਜੀਤ|Harjit=ਹਰਜੀਤ|Rajinder=ਰਾਜਿੰਦਰ|Parminder=ਪਰਮਿੰਦਰ|\
            Gurdeep=ਗੁਰਦੀਪ",
    },
    PoolDef {
        community: Community::Russian,
        tag: "ru",
        weight: 10,
        prefers_native: 0.50,
        script: NativeScript::GivenFirst,
        // Masculine forms; see `russian_feminine`.
        family: "Petrov=Петров|Ivanov=Иванов|Smirnov=Смирнов|Kuznetsov=Кузнецов|Popov=Попов|\
            Volkov=Волков|Sokolov=Соколов|Lebedev=Лебедев|Kozlov=Козлов|Novikov=Новиков|\
            Morozov=Морозов|Pavlov=Павлов|Fedorov=Федоров|Orlov=Орлов|Belov=Белов|\
            Vasiliev=Васильев|Zaitsev=Зайцев|Nikitin=Никитин|Zhukovsky=Жуковский|\
            Kovalenko=Коваленко|Shevchenko=Шевченко|Bondarenko=Бондаренко|Tkachuk=Ткачук",
        given_m: "Ivan=Иван|Dmitry=Дмитрий|Sergey=Сергей|Alexei=Алексей|Andrei=Андрей|\
            Mikhail=Михаил|Vladimir=Владимир|Nikolai=Николай|Pavel=Павел|Yuri=Юрий|Oleg=Олег|\
            Viktor=Виктор|Anatoly=Анатолий|Boris=Борис",
        given_f: "Anna=Анна|Olga=Ольга|Natalia=Наталья|Elena=Елена|Tatiana=Татьяна|Irina=Ирина|\
            Svetlana=Светлана|Yulia=Юлия|Maria=Мария|Ekaterina=Екатерина|Galina=Галина|\
            Lyudmila=Людмила|Valentina=Валентина",
        given_u: "",
    },
    PoolDef {
        community: Community::Japanese,
        tag: "ja",
        weight: 9,
        prefers_native: 0.30,
        script: NativeScript::FamilyFirst(" "),
        family: "Sato=佐藤|Suzuki=鈴木|Takahashi=高橋|Tanaka=田中|Watanabe=渡辺|Ito=伊藤|\
            Yamamoto=山本|Nakamura=中村|Kobayashi=小林|Kato=加藤|Yoshida=吉田|Yamada=山田|\
            Sasaki=佐々木|Yamaguchi=山口|Matsumoto=松本|Inoue=井上|Kimura=木村|Hayashi=林|\
            Shimizu=清水|Yamashita=山下|Mori=森|Ikeda=池田|Hashimoto=橋本|Ishikawa=石川|\
            Okada=岡田|Fujimoto=藤本|Nakano=中野|Ogawa=小川",
        given_m: "Hiroshi=博|Takeshi=武|Kenji=健二|Kazuo=和夫|Makoto=誠|Haruto=陽翔|Daisuke=大輔|\
            Shota=翔太|Ren=蓮|Satoshi=聡|Kenta=健太|Minoru=稔",
        given_f: "Hanako=花子|Yuki=由紀|Akiko=明子|Keiko=恵子|Yoko=洋子|Yui=結衣|Sakura=さくら|\
            Emi=恵美|Naoko=直子|Aiko=愛子|Kaori=かおり|Tomoko=智子|Misaki=美咲|Fumiko=文子|\
            Naomi=ナオミ",
        given_u: "Hinata=ひなた",
    },
    PoolDef {
        community: Community::Hindi,
        tag: "hi",
        weight: 10,
        prefers_native: 0.20,
        script: NativeScript::GivenFirst,
        family: "Sharma=शर्मा|Patel=पटेल|Gupta=गुप्ता|Singh=सिंह|Kumar=कुमार|Agarwal=अग्रवाल|\
            Verma=वर्मा|Mehta=मेहता|Joshi=जोशी|Shah=शाह|Reddy=रेड्डी|Rao=राव|Iyer=अय्यर|\
            Malhotra=मल्होत्रा|Kapoor=कपूर|Chopra=चोपड़ा|Srivastava=श्रीवास्तव|Mishra=मिश्रा|\
            Pandey=पांडे|Jain=जैन|Desai=देसाई|Bhatt=भट्ट|Nair=नायर|Saxena=सक्सेना",
        given_m: "Rahul=राहुल|Amit=अमित|Rajesh=राजेश|Vikram=विक्रम|Sanjay=संजय|Deepak=दीपक|\
            Arjun=अर्जुन|Ravi=रवि|Suresh=सुरेश|Vivek=विवेक|Rohan=रोहन|Manoj=मनोज|Anil=अनिल",
        given_f: "Priya=प्रिया|Sunita=सुनीता|Anjali=अंजलि|Pooja=पूजा|Neha=नेहा|Kavita=कविता|\
            Meera=मीरा|Anita=अनीता|Aarti=आरती|Shreya=श्रेया|Divya=दिव्या|Lakshmi=लक्ष्मी",
        given_u: "",
    },
    PoolDef {
        community: Community::Hmong,
        tag: "hmn-Latn",
        weight: 6,
        prefers_native: 0.45,
        script: NativeScript::None,
        family: "Vang|Xiong|Yang|Thao|Moua|Her|Lor|Vue|Lee|Chang|Khang|Hang|Kue|Cha|Lo|Fang|\
            Kong|Pha",
        given_m: "Tou|Pao|Chong|Kou|Neng|Xai|Fue|Nhia|Cher|Teng|Koua|Meng|Tong|Yeng|Chue|Seng",
        given_f: "Mai|Mai Yer|Mai Xee|Kia|Nou|Yer|Blia|Bao|Pa|Zoua|Kalia|Mai Nou|Youa|Xee|Sheng|\
            Choua|Pang|Der",
        given_u: "",
    },
    PoolDef {
        community: Community::Thai,
        tag: "th",
        weight: 4,
        prefers_native: 0.40,
        script: NativeScript::GivenFirst,
        family: "Jaidee=ใจดี|Srisuk=ศรีสุข|Saetang=แซ่ตั้ง|Wongsawat=วงศ์สวัสดิ์|\
            Suksawat=สุขสวัสดิ์|Thongchai=ธงชัย|Rattanakorn=รัตนากร|Srisawat=ศรีสวัสดิ์|\
            Chaiyasit=ชัยสิทธิ์|Boonmee=บุญมี|Sukjai=สุขใจ",
        given_m: "Somchai=สมชาย|Somsak=สมศักดิ์|Prasert=ประเสริฐ|Wichai=วิชัย|Nattapong=ณัฐพงษ์|\
            Thanawat=ธนวัฒน์|Kittisak=กิตติศักดิ์",
        given_f: "Malee=มาลี|Suda=สุดา|Kanya=กัญญา|Siriporn=ศิริพร|Pimchanok=พิมพ์ชนก|\
            Anong=อนงค์|Ratana=รัตนา|Wanida=วนิดา|Supaporn=สุภาพร|Apinya=อภิญญา",
        given_u: "Somporn=สมพร",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pools_parse_and_pair() {
        let pools = build_pools();
        for pool in &pools {
            assert!(!pool.family.is_empty(), "{:?}", pool.def.community);
            assert!(!pool.male.is_empty() && !pool.female.is_empty());
            for n in pool.family.iter().chain(&pool.male).chain(&pool.female) {
                assert!(!n.latin.is_empty());
                assert_eq!(pool.has_native(), !n.native.is_empty(), "{}", n.latin);
            }
        }
    }

    #[test]
    fn russian_feminine_forms() {
        let f = russian_feminine(Name {
            latin: "Petrov",
            native: "Петров",
        });
        assert_eq!(f, ("Petrova".to_string(), "Петрова".to_string()));
        let f = russian_feminine(Name {
            latin: "Zhukovsky",
            native: "Жуковский",
        });
        assert_eq!(f, ("Zhukovskaya".to_string(), "Жуковская".to_string()));
        let f = russian_feminine(Name {
            latin: "Kovalenko",
            native: "Коваленко",
        });
        assert_eq!(f.0, "Kovalenko");
    }
}
